// distillguard analyst dashboard: plain ES module, no build step.
// Everything shown comes from the API and may carry attacker-controlled text (prompts, model names, user agents):
// it is only ever inserted as text nodes (el() below), never as HTML, and links are built from routes only.
import * as echarts from '/webjars/echarts/5.3.1/dist/echarts.esm.min.js';

const main = document.getElementById('main');
const TOKEN_KEY = 'dg_token';
let charts = [];
let timers = [];
let keyHandler = null;
let me = null;

// ---- safe DOM -------------------------------------------------------------------------------------------------

/** Builds an element; children that are strings or numbers become text nodes. Only internal '#/' links allowed. */
export function el(tag, props, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
    else if (k === 'href') { if (typeof v === 'string' && v.startsWith('#/')) e.setAttribute('href', v); }
    else e.setAttribute(k, String(v));
  }
  append(e, children);
  return e;
}

function append(parent, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(parent, c);
    else if (c instanceof Node) parent.appendChild(c);
    else parent.appendChild(document.createTextNode(String(c)));
  }
}

function route(...parts) {
  return '#/' + parts.map(p => encodeURIComponent(String(p))).join('/');
}

function link(text, ...parts) {
  return el('a', { href: route(...parts) }, text);
}

/** For chart tooltips, which ECharts renders as HTML. */
function esc(s) {
  return String(s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

const HIDDEN = /[\u00AD\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/g;

/** A prompt sample shown faithfully (text only, bidi isolated) and flagged when it hides characters. */
function sample(text) {
  const hidden = [...new Set(String(text).match(HIDDEN) || [])]
    .map(c => 'U+' + c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0'));
  return el('div', { class: 'sample-wrap' },
    el('pre', { class: 'sample', dir: 'ltr' }, text),
    hidden.length ? el('span', { class: 'warn', title: 'invisible or direction-changing characters' },
      'hidden characters: ' + hidden.join(' ')) : null);
}

function verdictSpan(v) {
  return el('span', { class: 'verdict-' + v }, v);
}

function table(headers, rows, attrs) {
  return el('table', attrs || {},
    el('thead', {}, el('tr', {}, headers.map(h => el('th', {}, h)))),
    el('tbody', {}, rows.map(r => r instanceof Node ? r : el('tr', {}, r.map(c => el('td', {}, c))))));
}

function fmt(n) {
  return typeof n === 'number' ? n.toLocaleString('en-US') : n;
}

function toast(msg) {
  const t = document.getElementById('toast');
  t.textContent = msg;
  t.classList.add('show');
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => t.classList.remove('show'), 4000);
}

function chart(id, option) {
  const div = el('div', { id, class: 'chart' });
  requestAnimationFrame(() => {
    const c = echarts.init(div, null, { renderer: 'canvas' });
    c.setOption(option);
    charts.push(c);
  });
  return div;
}

// ---- API ------------------------------------------------------------------------------------------------------

async function api(path, opts = {}) {
  const headers = { Authorization: 'Bearer ' + (sessionStorage.getItem(TOKEN_KEY) || '') };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  const r = await fetch(path, { method: opts.method || 'GET', headers, body: opts.body });
  const body = await r.json().catch(() => ({}));
  if (r.status === 401) {
    sessionStorage.removeItem(TOKEN_KEY);
    location.hash = '#/login';
    throw new Error('please log in');
  }
  if (!r.ok) throw new Error(body.error || ('HTTP ' + r.status));
  return body;
}

// ---- actions (labels) -----------------------------------------------------------------------------------------

const ACTIONS = [
  ['confirm', 'Block', 'danger'], ['throttle', 'Throttle', ''], ['degrade', 'Degrade', ''],
  ['dismiss', 'Dismiss (false positive)', ''], ['allowlist', 'Allowlist', ''], ['clear', 'Clear labels', ''],
];

/** Asks for confirmation (and a note); resolves to the note, or null when cancelled. */
function confirmDialog(text) {
  const d = document.getElementById('confirm-dialog');
  document.getElementById('confirm-text').textContent = text;
  document.getElementById('confirm-note').value = '';
  return new Promise(resolve => {
    d.addEventListener('close', () => resolve(d.returnValue === 'yes'
      ? document.getElementById('confirm-note').value : null), { once: true });
    d.returnValue = '';
    d.showModal();
    document.getElementById('confirm-yes').focus();
  });
}

async function label(target, id, kind, verb) {
  const note = await confirmDialog(verb + ' ' + target + ' ' + id + '?');
  if (note === null) return false;
  const body = { label: kind, note };
  body[target === 'campaign' ? 'campaign_id' : 'account_id'] = id;
  const r = await api('/v1/labels', { method: 'POST', body: JSON.stringify(body) });
  toast('label #' + r.id + ' ' + r.label + (target === 'campaign' ? ' on ' + r.accounts_labelled + ' accounts' : ''));
  return true;
}

function actionBar(target, id, after) {
  return el('div', { class: 'actions', id: 'actions' }, ACTIONS.map(([kind, text, cls]) =>
    el('button', { type: 'button', class: cls, 'data-action': kind, onclick: async () => {
      try { if (await label(target, id, kind, text)) after(); } catch (e) { toast(e.message); }
    } }, text)));
}

function labelTrail(labels) {
  if (!labels.length) return el('p', { class: 'muted' }, 'No labels yet.');
  return table(['#', 'label', 'by', 'when', 'note'], labels.map(l =>
    [String(l.id), l.label, l.author, l.created_at, l.note]), { id: 'labels' });
}

function reasons(rs) {
  return table(['signal', 'weight', 'evidence'], (rs || []).map(r =>
    [r.signal, el('span', { class: 'reason-weight' }, r.weight.toFixed(3)), r.detail]), { id: 'reasons' });
}

function families(fs) {
  return el('div', { id: 'families' }, (fs || []).map(f => el('div', { class: 'panel family', 'data-family': f.family_id },
    el('b', {}, f.family_id), ' ',
    el('span', { class: 'muted' }, fmt(f.requests_here) + ' requests here, ' + fmt(f.requests) + ' in all, ~'
      + fmt(f.accounts) + ' accounts'),
    (f.samples || []).map(sample))));
}

function counts(title, list) {
  return el('div', { class: 'panel' }, el('h2', {}, title),
    list && list.length ? table(['value', 'requests'], list.map(x => [x.key, fmt(x.count)]))
      : el('p', { class: 'muted' }, 'none'));
}

// ---- pages ----------------------------------------------------------------------------------------------------

function loginPage() {
  const input = el('input', { id: 'token', type: 'password', autocomplete: 'off', placeholder: 'dg_a_…' });
  const err = el('p', { class: 'error', id: 'login-error' });
  const form = el('form', { class: 'login', onsubmit: async ev => {
    ev.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, input.value.trim());
    try {
      me = await api('/v1/whoami');
      if (me.role === 'ingest') {
        me = null;
        sessionStorage.removeItem(TOKEN_KEY);
        err.textContent = 'This is an ingest token; the dashboard needs an analyst or admin token.';
        return;
      }
      location.hash = '#/overview';
    } catch (e) {
      err.textContent = 'That token was not accepted.';
    }
  } }, el('h1', {}, 'Log in'), el('label', {}, 'API token (analyst or admin)', input),
  el('button', { id: 'login', type: 'submit' }, 'Log in'), err);
  return [form];
}

async function overviewPage() {
  const [o, alerts] = await Promise.all([api('/v1/overview'), api('/v1/alerts?limit=10')]);
  const camps = await api('/v1/campaigns');
  const v = o.verdicts || {};
  const cards = el('div', { class: 'cards', id: 'counts' },
    [['accounts', o.accounts], ['attack', v.attack || 0], ['suspicious', v.suspicious || 0],
      ['campaigns', o.campaigns], ['events logged', o.events_logged], ['events analysed', o.events_processed]]
      .map(([k, n]) => el('div', { class: 'card', 'data-count': k }, el('b', {}, fmt(n)), k)),
    el('div', { class: 'card' }, el('b', {}, o.ready ? 'live' : 'replaying'), 'as of ' + o.evaluated_at));
  const h = o.history || [];
  const history = chart('history-chart', {
    tooltip: { trigger: 'axis' }, legend: { data: ['attack', 'suspicious', 'campaigns', 'events'] },
    xAxis: { type: 'time' }, yAxis: [{ type: 'value', name: 'accounts' }, { type: 'value', name: 'events' }],
    color: ['#b42318', '#dc6803', '#667085', '#84adff'],
    series: ['attack', 'suspicious', 'campaigns'].map(k => ({ name: k, type: 'line', showSymbol: false, step: 'end',
      data: h.map(p => [p.at, p[k]]) })).concat([{ name: 'events', type: 'line', yAxisIndex: 1, showSymbol: false,
      areaStyle: { opacity: 0.15 }, lineStyle: { width: 1 },
      data: h.slice(1).map((p, i) => [p.at, Math.max(0, p.events - h[i].events)]) }]),
  });
  const caps = Object.entries(o.campaign_requests_by_capability || {}).sort((a, b) => b[1] - a[1]);
  const capChart = chart('capability-chart', {
    tooltip: { formatter: p => esc(p.name) + ': ' + esc(fmt(p.value)) },
    xAxis: { type: 'value' }, yAxis: { type: 'category', data: caps.map(c => c[0]).reverse() },
    grid: { left: 130 }, series: [{ type: 'bar', data: caps.map(c => c[1]).reverse() }],
  });
  const list = [...camps.campaigns].sort((a, b) => b.score - a.score);
  const top = m => Object.entries(m || {}).sort((a, b) => b[1] - a[1]).map(e => e[0])[0] || '';
  return [
    el('h1', {}, 'Overview'), cards,
    el('div', { class: 'grid' },
      el('div', { class: 'panel' }, el('h2', {}, 'Traffic and verdicts over time (event time)'), history),
      el('div', { class: 'panel' }, el('h2', {}, 'Capabilities targeted by campaigns (requests)'), capChart)),
    el('h2', {}, 'Campaigns by score'),
    table(['campaign', 'verdict', 'score', 'accounts', 'requests', 'capability', 'model', 'since'],
      list.map(c => [link(c.campaign_id, 'campaign', c.campaign_id), verdictSpan(c.verdict), c.score.toFixed(3),
        fmt(c.account_count), fmt(c.events), top(c.capabilities), top(c.models), c.first_seen]), { id: 'campaigns' }),
    el('h2', {}, 'Recent alerts'),
    (alerts.alerts || []).length ? table(['kind', 'campaign', 'raised', 'delivery'], alerts.alerts.map(a =>
      [a.kind, a.campaign_id ? link(a.campaign_id, 'campaign', a.campaign_id) : '', a.created_at,
        a.delivered_at ? 'delivered' : (a.attempts ? 'retrying' : 'stored')]), { id: 'alerts' })
      : el('p', { class: 'muted', id: 'alerts' }, 'No alerts yet.'),
  ];
}

async function campaignPage(id) {
  const r = await api('/v1/campaigns/' + encodeURIComponent(id));
  const c = r.campaign;
  const g = r.graph;
  const color = { attack: '#b42318', suspicious: '#dc6803', benign: '#12b76a', allowed: '#12b76a', unknown: '#98a2b3' };
  const graph = chart('graph', {
    tooltip: { formatter: p => p.dataType === 'edge'
      ? esc(p.data.source) + ' — ' + esc(p.data.target) + '<br>' + p.data.shared.map(esc).join('<br>')
      : esc(p.data.id) + '<br>' + esc(p.data.verdict) + ' ' + esc(p.data.score) + ', ' + esc(fmt(p.data.requests)) + ' requests' },
    series: [{
      type: 'graph', layout: 'force', roam: true, draggable: true, force: { repulsion: 60, edgeLength: 40 },
      data: g.nodes.map(n => ({ ...n, name: n.id, symbolSize: 6 + Math.min(18, Math.sqrt(n.requests) / 2),
        itemStyle: { color: color[n.verdict] || '#98a2b3' } })),
      links: g.edges.map(e => ({ ...e, lineStyle: { width: Math.min(4, e.shared.length), opacity: 0.5 } })),
    }],
  });
  const mh = r.model_history || [];
  const models = [...new Set(mh.flatMap(p => Object.keys(p.by_model)))];
  const modelChart = chart('models-chart', {
    tooltip: { trigger: 'axis', formatter: ps => ps.map(p => esc(p.seriesName) + ': ' + esc(fmt(p.value[1]))).join('<br>') },
    legend: { type: 'scroll', data: models }, xAxis: { type: 'time' }, yAxis: { type: 'value', name: 'requests' },
    // the first remembered evaluation holds everything before it: plot the windows after it
    series: models.map(m => ({ name: m, type: 'line', showSymbol: false, data: mh.slice(1).map((p, i) =>
      [p.at, Math.max(0, (p.by_model[m] || 0) - (mh[i].by_model[m] || 0))]) })),
  });
  const caps = Object.entries(c.capabilities || {});
  const capChart = chart('campaign-capabilities', {
    tooltip: { formatter: p => esc(p.name) + ': ' + esc((p.value * 100).toFixed(1)) + '%' },
    series: [{ type: 'pie', radius: ['35%', '70%'], data: caps.map(([k, v]) => ({ name: k, value: v })) }],
  });
  const evidence = Object.entries(c.evidence || {});
  const refresh = () => render();
  return [
    el('h1', {}, 'Campaign ', el('span', { id: 'campaign-id' }, c.campaign_id)),
    el('p', {}, verdictSpan(c.verdict), ' score ', el('b', { id: 'campaign-score' }, c.score.toFixed(3)), ' · ',
      fmt(c.account_count), ' accounts · ', fmt(c.events), ' requests · ', c.first_seen, ' → ', c.last_seen),
    actionBar('campaign', c.campaign_id, refresh),
    el('h2', {}, 'Why'), reasons(c.reasons),
    el('div', { class: 'grid' },
      el('div', { class: 'panel' }, el('h2', {}, 'Accounts and what links them'), graph,
        g.nodes_truncated ? el('p', { class: 'muted' }, 'Showing the highest-scoring ' + g.nodes.length + ' accounts.') : null),
      el('div', { class: 'panel' }, el('h2', {}, 'Requests per model, per evaluation window'), modelChart,
        el('h2', {}, 'Capability mix'), capChart)),
    el('h2', {}, 'Links (first 100)'),
    table(['account', 'account', 'shared'], g.edges.slice(0, 100).map(e =>
      [link(e.source, 'account', e.source), link(e.target, 'account', e.target), e.shared.join(' · ')]), { id: 'edges' }),
    el('h2', {}, 'Infrastructure and other evidence'),
    table(['kind', 'values'], evidence.map(([k, vs]) => [k.replace(/_/g, ' '), vs.join(', ')]), { id: 'evidence' }),
    el('h2', {}, 'Template families (example prompts)'), families(g.families),
    el('h2', {}, 'Accounts'),
    table(['account', 'verdict', 'score', 'requests'], g.nodes.map(n =>
      [link(n.id, 'account', n.id), verdictSpan(n.verdict), String(n.score), fmt(n.requests)]), { id: 'members' }),
    el('h2', {}, 'Audit trail'), labelTrail(r.labels),
  ];
}

async function accountPage(id) {
  const r = await api('/v1/accounts/' + encodeURIComponent(id) + '/profile');
  const v = r.verdict;
  const p = r.profile;
  const d = r.decision;
  const hours = p ? p.hour_of_day_utc : [];
  const hourChart = p ? chart('hour-chart', {
    tooltip: { formatter: x => esc(x.name) + ':00 UTC: ' + esc(fmt(x.value)) },
    xAxis: { type: 'category', data: hours.map((_, i) => String(i)) }, yAxis: { type: 'value' },
    series: [{ type: 'bar', data: hours }],
  }) : null;
  const facts = p ? [['organisation', p.org_id], ['country', p.country], ['tier', p.tier],
    ['payment fingerprint', p.payment_fingerprint], ['created', p.created_at], ['requests', fmt(p.requests)],
    ['active', p.first_seen + ' → ' + p.last_seen + ' (' + p.active_days + ' days)'],
    ['chain-of-thought elicitation', fmt(p.chain_of_thought_high)], ['templated requests', fmt(p.templated)],
    ['capabilities', Object.entries(p.capabilities).map(([k, n]) => k + ' ' + fmt(n)).join(', ')]] : [];
  return [
    el('h1', {}, 'Account ', el('span', { id: 'account-id' }, id)),
    el('p', {}, 'decision ', el('b', { id: 'decision' }, d.action), d.rule ? ' (' + d.rule + ')' : '', ' · verdict ',
      v ? verdictSpan(v.verdict) : 'none', v ? ' score ' + v.score.toFixed(3) : '',
      r.campaign_id ? [' · campaign ', link(r.campaign_id, 'campaign', r.campaign_id)] : '',
      v && v.first_flagged_at ? ' · first flagged ' + v.first_flagged_at : ''),
    actionBar('account', id, () => render()),
    el('h2', {}, 'Signals'), reasons(v ? v.reasons : []),
    p ? el('div', { class: 'grid' },
      el('div', { class: 'panel' }, el('h2', {}, 'Activity by hour of day (UTC)'), hourChart,
        el('p', { class: 'muted' }, 'People sleep: a human account shows a trough; automation runs around the clock.')),
      el('div', { class: 'panel' }, el('h2', {}, 'Profile'), table(['', ''], facts, { id: 'facts' }))) : null,
    p ? el('div', { class: 'grid' }, counts('Models', p.models), counts('IP ranges', p.ip_ranges),
      counts('ASNs', p.asns), counts('TLS fingerprints', p.tls_fingerprints),
      counts('Client configurations (hashed TLS, model and request parameters)', p.client_configurations)) : null,
    p ? [el('h2', {}, 'Template families (example prompts)'), families(p.families)] : null,
    el('h2', {}, 'Linked accounts (same campaign)'),
    r.linked_accounts.length ? el('p', { id: 'linked' }, r.linked_accounts.map(a => [link(a, 'account', a), ' ']))
      : el('p', { class: 'muted', id: 'linked' }, 'none'),
    el('h2', {}, 'Audit trail'), labelTrail(r.labels),
  ];
}

async function reviewPage() {
  const r = await api('/v1/accounts?verdict=suspicious&limit=500');
  const list = (r.accounts || []).sort((a, b) => b.score - a.score);
  let at = 0;
  const rows = list.map((a, i) => el('tr', { 'data-account': a.account_id, onclick: () => select(i) },
    el('td', {}, link(a.account_id, 'account', a.account_id)), el('td', {}, a.score.toFixed(3)),
    el('td', {}, a.campaign_id ? link(a.campaign_id, 'campaign', a.campaign_id) : ''),
    el('td', {}, (a.reasons || []).slice(0, 2).map(x => x.signal).join(', ')), el('td', { class: 'state' }, '')));
  function select(i) {
    if (!rows.length) return;
    rows[at].classList.remove('selected');
    at = Math.max(0, Math.min(rows.length - 1, i));
    rows[at].classList.add('selected');
    rows[at].scrollIntoView({ block: 'nearest' });
  }
  const keys = { b: ['confirm', 'Block'], t: ['throttle', 'Throttle'], d: ['dismiss', 'Dismiss'], a: ['allowlist', 'Allowlist'] };
  keyHandler = async ev => {
    if (ev.target.closest('input, textarea, dialog') || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.key === 'j' || ev.key === 'ArrowDown') { select(at + 1); ev.preventDefault(); }
    else if (ev.key === 'k' || ev.key === 'ArrowUp') { select(at - 1); ev.preventDefault(); }
    else if ((ev.key === 'Enter' || ev.key === 'o') && rows.length) location.hash = route('account', list[at].account_id);
    else if (keys[ev.key] && rows.length) {
      ev.preventDefault();
      const [kind, verb] = keys[ev.key];
      try {
        if (await label('account', list[at].account_id, kind, verb)) {
          rows[at].querySelector('.state').textContent = kind;
          select(at + 1);
        }
      } catch (e) { toast(e.message); }
    }
  };
  setTimeout(() => select(0));
  return [
    el('h1', {}, 'Review queue'),
    el('p', { class: 'muted' }, 'Suspicious accounts, highest score first. Keys: ',
      [['j', 'next'], ['k', 'previous'], ['Enter', 'open'], ['b', 'block'], ['t', 'throttle'], ['d', 'dismiss'], ['a', 'allowlist']]
        .map(([k, w]) => [el('span', { class: 'kbd' }, k), ' ' + w + '  '])),
    list.length ? el('table', { id: 'queue' }, el('thead', {}, el('tr', {}, ['account', 'score', 'campaign', 'top signals', 'labelled']
      .map(h => el('th', {}, h)))), el('tbody', {}, rows)) : el('p', { id: 'queue' }, 'Nothing to review.'),
  ];
}

async function rulesPage() {
  const p = await api('/v1/policy');
  const text = el('textarea', { class: 'rules', id: 'rules-text', spellcheck: 'false' });
  text.value = p.source || '{"rules": [], "allow": [], "deny": []}';
  const out = el('div', { id: 'rules-result' });
  let tested = null;
  const save = el('button', { id: 'save-rules', type: 'button', disabled: true, onclick: async () => {
    try {
      const r = await api('/v1/policy', { method: 'PUT', body: text.value });
      toast('saved as version ' + r.version);
      render();
    } catch (e) { out.replaceChildren(el('p', { class: 'error' }, e.message)); }
  } }, 'Save (admin)');
  text.addEventListener('input', () => { save.disabled = true; });
  const validate = el('button', { id: 'validate-rules', type: 'button', onclick: async () => {
    const r = await api('/v1/policy/validate', { method: 'POST', body: text.value });
    out.replaceChildren(r.valid ? el('p', {}, 'Valid: ' + r.rules + ' rules.') : el('p', { class: 'error' }, r.error));
  } }, 'Validate');
  const backtest = el('button', { id: 'backtest-rules', type: 'button', onclick: async () => {
    const r = await api('/v1/policy/backtest', { method: 'POST', body: text.value });
    if (!r.valid) { out.replaceChildren(el('p', { class: 'error' }, r.error)); return; }
    tested = text.value;
    save.disabled = !(me && me.role === 'admin') || tested !== text.value;
    out.replaceChildren(
      el('p', {}, 'On the latest evaluation, ' + fmt(r.changed) + ' of ' + fmt(r.accounts) + ' accounts would change action.'),
      table(['change', 'accounts'], Object.entries(r.transitions).map(([k, n]) => [k, fmt(n)])),
      table(['account', 'verdict', 'from', 'to', 'rule'], r.changes.map(c =>
        [link(c.account_id, 'account', c.account_id), c.verdict, c.from, c.to, c.rule || '']), { id: 'backtest-changes' }));
  } }, 'Backtest');
  return [
    el('h1', {}, 'Policy rules'),
    el('p', { class: 'muted' }, 'Active version ' + p.version + ', ' + p.rules + ' rules. CEL rules map account, campaign and'
      + ' signal fields to actions; backtest a change before saving it.'),
    p.last_error ? el('p', { class: 'error' }, 'Last reload failed: ' + p.last_error) : null,
    text, el('div', { class: 'actions' }, validate, backtest, save), out,
  ];
}

async function searchPage(q) {
  document.getElementById('search-box').value = q;
  const r = await api('/v1/search?q=' + encodeURIComponent(q));
  return [
    el('h1', {}, 'Search: ', el('span', {}, q)),
    el('h2', {}, 'Accounts'),
    r.accounts.length ? table(['account', 'matched', 'verdict', 'campaign'], r.accounts.map(a =>
      [link(a.account_id, 'account', a.account_id), a.matched, verdictSpan(a.verdict),
        a.campaign_id ? link(a.campaign_id, 'campaign', a.campaign_id) : '']), { id: 'search-accounts' })
      : el('p', { class: 'muted' }, 'No accounts.'),
    el('h2', {}, 'Template families'),
    r.families.length ? el('div', { id: 'search-families' }, r.families.map(f => el('div', { class: 'panel family' },
      el('b', {}, f.family_id), ' ', el('span', { class: 'muted' }, fmt(f.requests) + ' requests; used by '),
      f.used_by.map(a => [link(a, 'account', a), ' ']), f.samples.map(sample))))
      : el('p', { class: 'muted' }, 'No template families.'),
  ];
}

// ---- router ---------------------------------------------------------------------------------------------------

async function render() {
  charts.forEach(c => c.dispose());
  charts = [];
  timers.forEach(clearInterval);
  timers = [];
  if (keyHandler) { document.removeEventListener('keydown', keyHandler); keyHandler = null; }
  const parts = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const page = parts[0] || 'overview';
  const loggedIn = !!sessionStorage.getItem(TOKEN_KEY);
  document.getElementById('nav').hidden = !loggedIn || page === 'login';
  if (!loggedIn || page === 'login') {
    main.replaceChildren(...loginPage());
    return;
  }
  try {
    if (!me) me = await api('/v1/whoami');
    document.getElementById('whoami').textContent = me.name + ' (' + me.role + ')';
    let nodes;
    if (page === 'campaign') nodes = await campaignPage(parts[1] || '');
    else if (page === 'account') nodes = await accountPage(parts[1] || '');
    else if (page === 'review') nodes = await reviewPage();
    else if (page === 'rules') nodes = await rulesPage();
    else if (page === 'search') nodes = await searchPage(parts.slice(1).join('/'));
    else {
      nodes = await overviewPage();
      timers.push(setInterval(() => { if (!document.querySelector('dialog[open]')) render(); }, 15000));
    }
    main.replaceChildren(...nodes.flat().filter(n => n));
    if (render.lastPage !== location.hash) window.scrollTo(0, 0); // a new page starts at its top
    render.lastPage = location.hash;
    if (keyHandler) document.addEventListener('keydown', keyHandler);
    main.setAttribute('data-page', page);
  } catch (e) {
    main.replaceChildren(el('p', { class: 'error', id: 'page-error' }, e.message));
  }
}

document.getElementById('search-form').addEventListener('submit', ev => {
  ev.preventDefault();
  const q = document.getElementById('search-box').value.trim();
  if (q) location.hash = route('search', q);
});
document.getElementById('logout').addEventListener('click', () => {
  sessionStorage.removeItem(TOKEN_KEY);
  me = null;
  location.hash = '#/login';
});
window.addEventListener('hashchange', render);
window.addEventListener('resize', () => charts.forEach(c => c.resize()));
render();
