package io.distillguard.service.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.distillguard.service.decide.Action;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A compiled, versioned rule set: a deny list, an allow list, and ordered CEL rules mapping account, verdict,
 * campaign and signal fields to actions. The first list or rule that matches decides; when none does, the verdict's
 * default action stands. Compiling checks every expression (syntax, variables and a boolean result), so a bad file
 * is rejected whole with a message naming the rule. Immutable and thread-safe; a rule evaluates in about a
 * microsecond.
 *
 * <pre>
 * {"rules": [
 *    {"name": "large campaigns", "when": "verdict == 'attack' &amp;&amp; campaign.accounts &gt;= 20", "action": "block"},
 *    {"name": "cot harvest under review", "when": "verdict == 'suspicious' &amp;&amp; signals.cot_elicitation &gt; 0.2",
 *     "action": "throttle"}],
 *  "allow": ["acct-partner-1"], "deny": ["acct-known-bad"]}
 * </pre>
 *
 * Variables: {@code account} (string), {@code verdict} ({@code attack}, {@code suspicious}, {@code benign},
 * {@code allowed} or {@code unknown}), {@code score} (double), {@code action} (the default action, a string),
 * {@code signals} (map of signal name to weight; use {@code has(signals.x)} or {@code 'x' in signals}), and
 * {@code campaign} (map with {@code id}, {@code verdict}, {@code score}, {@code accounts}; {@code id} is empty when
 * the account is in no campaign).
 */
public final class PolicyRules {

  static final int MAX_RULES = 200;
  static final int MAX_EXPRESSION_CHARS = 2000;
  static final int MAX_LIST = 100_000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final CelOptions OPTIONS = CelOptions.current().enableHeterogeneousNumericComparisons(true)
      .maxExpressionCodePointSize(MAX_EXPRESSION_CHARS).comprehensionMaxIterations(1000).build();
  private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
      .setOptions(OPTIONS)
      .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
      .addVar("account", SimpleType.STRING)
      .addVar("verdict", SimpleType.STRING)
      .addVar("score", SimpleType.DOUBLE)
      .addVar("action", SimpleType.STRING)
      .addVar("signals", MapType.create(SimpleType.STRING, SimpleType.DOUBLE))
      .addVar("campaign", MapType.create(SimpleType.STRING, SimpleType.DYN))
      .setResultType(SimpleType.BOOL)
      .build();
  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).build();

  /** One compiled rule. */
  public record Rule(String name, String when, Action action, CelRuntime.Program program) {}

  /** What matched: the action and the list or rule that chose it. */
  public record Match(Action action, String rule) {}

  /** The facts a rule sees about one account. */
  public record Facts(String account, String verdict, double score, Action defaultAction, Map<String, Double> signals,
      String campaignId, String campaignVerdict, double campaignScore, long campaignAccounts) {}

  private final long version;
  private final String source;
  private final List<Rule> rules;
  private final Set<String> allow;
  private final Set<String> deny;

  private PolicyRules(long version, String source, List<Rule> rules, Set<String> allow, Set<String> deny) {
    this.version = version;
    this.source = source;
    this.rules = List.copyOf(rules);
    this.allow = Set.copyOf(allow);
    this.deny = Set.copyOf(deny);
  }

  /** No rules: every verdict keeps its default action. */
  public static PolicyRules none() {
    return new PolicyRules(0, "{\"rules\": []}", List.of(), Set.of(), Set.of());
  }

  /** Compiles a rule file's text as version {@code version}. */
  public static PolicyRules compile(String text, long version) throws PolicyException {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (IOException e) {
      throw new PolicyException("not valid JSON (expected {\"rules\": [...], \"allow\": [...], \"deny\": [...]})");
    }
    if (root == null || !root.isObject()) {
      throw new PolicyException("expected a JSON object with \"rules\", \"allow\" and \"deny\"");
    }
    for (java.util.Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!Set.of("rules", "allow", "deny", "description").contains(f)) {
        throw new PolicyException("unknown field \"" + clip(f) + "\" (known: rules, allow, deny, description)");
      }
    }
    List<Rule> rules = new ArrayList<>();
    JsonNode rs = root.path("rules");
    if (!rs.isMissingNode() && !rs.isArray()) {
      throw new PolicyException("\"rules\" must be an array");
    }
    if (rs.size() > MAX_RULES) {
      throw new PolicyException("at most " + MAX_RULES + " rules");
    }
    Set<String> names = new java.util.HashSet<>();
    int i = 0;
    for (JsonNode r : rs) {
      i++;
      String name = r.path("name").isTextual() ? r.path("name").asText() : "rule " + i;
      String where = "rule " + i + " (" + clip(name) + ")";
      if (!names.add(name)) {
        throw new PolicyException(where + ": duplicate name");
      }
      if (!r.path("when").isTextual()) {
        throw new PolicyException(where + ": \"when\" must be a CEL expression string");
      }
      String when = r.path("when").asText();
      if (when.length() > MAX_EXPRESSION_CHARS) {
        throw new PolicyException(where + ": expression longer than " + MAX_EXPRESSION_CHARS + " characters");
      }
      Action action = r.path("action").isTextual() ? Action.parse(r.path("action").asText()).orElse(null) : null;
      if (action == null) {
        throw new PolicyException(where + ": \"action\" must be one of allow, review, throttle, degrade, block");
      }
      CelValidationResult compiled = COMPILER.compile(when);
      if (compiled.hasError()) {
        throw new PolicyException(where + ": " + compiled.getErrorString());
      }
      try {
        CelAbstractSyntaxTree ast = compiled.getAst();
        rules.add(new Rule(name, when, action, RUNTIME.createProgram(ast)));
      } catch (CelValidationException | CelEvaluationException e) {
        throw new PolicyException(where + ": " + e.getMessage());
      }
    }
    return new PolicyRules(version, text, rules, ids(root, "allow"), ids(root, "deny"));
  }

  private static Set<String> ids(JsonNode root, String field) throws PolicyException {
    JsonNode n = root.path(field);
    if (n.isMissingNode()) {
      return Set.of();
    }
    if (!n.isArray() || n.size() > MAX_LIST) {
      throw new PolicyException("\"" + field + "\" must be an array of at most " + MAX_LIST + " account ids");
    }
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode id : n) {
      if (!id.isTextual() || id.asText().isEmpty() || id.asText().length() > 256) {
        throw new PolicyException("\"" + field + "\" holds a value that is not an account id");
      }
      out.add(id.asText());
    }
    return out;
  }

  private static String clip(String s) {
    String t = s.length() > 60 ? s.substring(0, 60) + "..." : s;
    return t.replaceAll("[\\p{Cntrl}]", "?");
  }

  /**
   * The list entry or first rule that matches, or null when the default action stands. A rule that fails at run
   * time (e.g. reads a signal the account does not have without {@code has()}) does not match; {@code errors} is
   * told its name.
   */
  public Match match(Facts f, java.util.function.Consumer<String> errors) {
    if (deny.contains(f.account())) {
      return new Match(Action.BLOCK, "deny list");
    }
    if (allow.contains(f.account())) {
      return new Match(Action.ALLOW, "allow list");
    }
    if (rules.isEmpty()) {
      return null;
    }
    Map<String, Object> vars = Map.of(
        "account", f.account(),
        "verdict", f.verdict(),
        "score", f.score(),
        "action", f.defaultAction().wireName(),
        "signals", f.signals(),
        "campaign", Map.of("id", f.campaignId() == null ? "" : f.campaignId(),
            "verdict", f.campaignVerdict() == null ? "" : f.campaignVerdict(),
            "score", f.campaignScore(), "accounts", f.campaignAccounts()));
    for (Rule r : rules) {
      try {
        if (Boolean.TRUE.equals(r.program().eval(vars))) {
          return new Match(r.action(), r.name());
        }
      } catch (CelEvaluationException e) {
        errors.accept(r.name());
      }
    }
    return null;
  }

  public long version() {
    return version;
  }

  /** The rule file's text as it was given. */
  public String source() {
    return source;
  }

  public List<Rule> rules() {
    return rules;
  }
}
