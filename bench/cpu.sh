#!/usr/bin/env bash
# Runs a whole `scan` of one input and reports its wall time, the process's CPU time, the CPU time of each thread
# group (threads that exit before the end included: /proc is polled every half second), the collector's pauses (from
# the GC log), and the verdicts' md5 (builds that should agree can be checked on the same run). CPU time per event
# moves less than wall time when other jobs share the machine: compare builds by it, in interleaved runs.
#   bench/cpu.sh JAR EVENTS_FILE ALLOWLIST [OUT_DIR]
# JVM options: DISTILLGUARD_JAVA_OPTS (default: the launcher's, -Xmx4g -XX:+UseParallelGC).
set -euo pipefail
jar=$1; input=$2; allowlist=$3; out=${4:-$(mktemp -d)}
mkdir -p "$out"
start=$(date +%s.%N)
# shellcheck disable=SC2086
java ${DISTILLGUARD_JAVA_OPTS:--Xmx4g -XX:+UseParallelGC} -Xlog:gc:file="$out/gc.log" -jar "$jar" scan \
    --input "$input" --allowlist "$allowlist" --out "$out/result" > "$out/scan.log" 2>&1 &
pid=$!
python3 - "$pid" > "$out/threads.txt" <<'PY' &
import collections, os, re, sys, time
pid = sys.argv[1]; hz = os.sysconf('SC_CLK_TCK'); last = {}; proc = 0.0
while True:
    try:
        st = open(f'/proc/{pid}/stat').read()
        f = st[st.rindex(')') + 2:].split()
        if f[0] == 'Z':
            break
        proc = (int(f[11]) + int(f[12])) / hz
        for t in os.listdir(f'/proc/{pid}/task'):
            try:
                s = open(f'/proc/{pid}/task/{t}/stat').read()
            except OSError:
                continue
            ff = s[s.rindex(')') + 2:].split()
            last[t] = (re.sub(r'[\d#]+$', '', s[s.index('(') + 1:s.rindex(')')]).strip(), (int(ff[11]) + int(ff[12])) / hz)
    except (OSError, ValueError):
        break
    time.sleep(0.5)
g = collections.Counter()
for name, v in last.values():
    g[name] += v
print(f'cpu={proc:.1f}s', ' '.join(f'{k.replace(" ", "_")}={v:.1f}s' for k, v in g.most_common(8)))
PY
poller=$!
status=0
wait "$pid" || status=$?
end=$(date +%s.%N)
wait "$poller" || true
if [ "$status" -ne 0 ]; then
  echo "scan failed ($status): $(tail -1 "$out/scan.log")" >&2
  exit "$status"
fi
gc=$(python3 - "$out/gc.log" <<'PY'
import re, sys
n = nf = 0; total = full = 0.0
for line in open(sys.argv[1]):
    m = re.search(r'Pause (\w+).* (\d+\.\d+)ms', line)
    if m:
        n += 1; total += float(m.group(2))
        if m.group(1) == 'Full':
            nf += 1; full += float(m.group(2))
print(f'gc_pauses={n} ({total / 1000:.1f}s, of them {nf} full: {full / 1000:.1f}s)')
PY
)
events=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['events'])" "$out/result/summary.json" 2>/dev/null || echo '?')
echo "events=$events wall=$(python3 -c "print(round($end - $start, 1))")s $(cat "$out/threads.txt") $gc" \
    "verdicts_md5=$(md5sum < "$out/result/verdicts.jsonl" | cut -c1-8)"
