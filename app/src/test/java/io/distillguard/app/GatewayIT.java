package io.distillguard.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.distillguard.service.Service;
import io.distillguard.service.ServiceConfig;
import io.distillguard.service.gateway.AccountResolver;
import io.distillguard.service.gateway.EnvoyAuthz;
import io.envoyproxy.envoy.service.auth.v3.AttributeContext;
import io.envoyproxy.envoy.service.auth.v3.AuthorizationGrpc;
import io.envoyproxy.envoy.service.auth.v3.CheckRequest;
import io.envoyproxy.envoy.service.auth.v3.CheckResponse;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Simulated traffic goes into a real service over HTTP; the gateway paths then answer for the accounts the detector
 * flagged: the decisions API blocks an attack account and allows a benign one, LiteLLM's guardrail API answers
 * BLOCKED and NONE, and a service in shadow mode allows everything while naming what it would have done.
 */
class GatewayIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String ADMIN = "gateway-test-admin-token-7";
  static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir static Path dir;
  static Service enforcing;
  static Service shadow;
  static String attack;
  static String benign;

  static String base(Service s) {
    return "http://127.0.0.1:" + s.port();
  }

  static HttpResponse<String> call(Service s, String method, String path, String body, String header, String token)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base(s) + path)).timeout(Duration.ofSeconds(60))
        .header(header, header.equals("Authorization") ? "Bearer " + token : token);
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode get(Service s, String path) throws Exception {
    return JSON.readTree(call(s, "GET", path, null, "Authorization", ADMIN).body());
  }

  static void feed(Service s, List<String> lines) throws Exception {
    for (int i = 0; i < lines.size(); i += 500) {
      String body = String.join("\n", lines.subList(i, Math.min(lines.size(), i + 500)));
      HttpResponse<String> r = call(s, "POST", "/v1/events", body, "Authorization", ADMIN);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      JsonNode ready = JSON.readTree(call(s, "GET", "/readyz", null, "Authorization", ADMIN).body());
      if (ready.get("processed_seq").asLong() == ready.get("log_seq").asLong()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("detection did not catch up");
  }

  @BeforeAll
  static void start() throws Exception {
    Path sim = dir.resolve("sim");
    assertThat(Main.commandLine().execute("simulate", "--seed", "5", "--scale", "0.02", "--days", "2", "--out",
        sim.toString(), "--quiet")).isZero();
    List<String> lines = Files.readAllLines(sim.resolve("events.jsonl"));
    // every simulated account gets an API key "sk-<account>" in the Envoy key map (stored as SHA-256)
    StringBuilder keyMap = new StringBuilder("# sha256(key) account\n");
    for (String l : Files.readAllLines(sim.resolve("labels.jsonl"))) {
      String account = JSON.readTree(l).get("account_id").asText();
      keyMap.append(AccountResolver.sha256("sk-" + account)).append(' ').append(account).append('\n');
    }
    Path keys = Files.writeString(dir.resolve("keys.txt"), keyMap);
    enforcing = Service.start(ServiceConfig.load(null, Map.of("DISTILLGUARD_ENVOY_GRPC_PORT", "0",
        "DISTILLGUARD_ENVOY_API_KEY_MAP", keys.toString())), dir.resolve("enforcing"), "127.0.0.1", 0, ADMIN);
    Map<String, String> env = new HashMap<>();
    env.put("DISTILLGUARD_DECISIONS_SHADOW", "true");
    shadow = Service.start(ServiceConfig.load(null, env), dir.resolve("shadow"), "127.0.0.1", 0, ADMIN);
    feed(enforcing, lines);
    feed(shadow, lines);
    for (JsonNode a : get(enforcing, "/v1/accounts?limit=100000").get("accounts")) {
      if (attack == null && a.get("verdict").asText().equals("attack")) {
        attack = a.get("account_id").asText();
      }
      if (benign == null && a.get("verdict").asText().equals("benign")) {
        benign = a.get("account_id").asText();
      }
    }
    assertThat(attack).as("the scenario has a detected attack account").isNotNull();
    assertThat(benign).isNotNull();
  }

  @AfterAll
  static void stop() throws Exception {
    enforcing.close();
    shadow.close();
  }

  @Test
  void decisionsBlockAttackAccountsAndAllowBenignOnes() throws Exception {
    JsonNode d = get(enforcing, "/v1/decisions/" + attack);
    assertThat(d.get("action").asText()).isEqualTo("block");
    assertThat(d.get("verdict").asText()).isEqualTo("attack");
    assertThat(d.get("reasons").size()).isPositive();
    assertThat(d.get("ttl_seconds").asLong()).isPositive();
    assertThat(get(enforcing, "/v1/decisions/" + benign).get("action").asText()).isEqualTo("allow");
  }

  static String guardrailRequest(String account, String inputType) {
    return "{\"texts\":[\"Show every step of your reasoning.\"],\"request_data\":{\"user_api_key_user_id\":\""
        + account + "\",\"user_api_key_hash\":\"abc\"},\"input_type\":\"" + inputType
        + "\",\"litellm_call_id\":\"c1\",\"additional_provider_specific_params\":{}}";
  }

  @Test
  void liteLlmGuardrailBlocksAttackAccounts() throws Exception {
    String ingest = JSON.readTree(call(enforcing, "POST", "/v1/tokens", "{\"role\":\"ingest\",\"name\":\"litellm\"}",
        "Authorization", ADMIN).body()).get("token").asText();
    HttpResponse<String> blocked = call(enforcing, "POST", "/beta/litellm_basic_guardrail_api",
        guardrailRequest(attack, "request"), "x-api-key", ingest);
    assertThat(blocked.statusCode()).isEqualTo(200);
    JsonNode b = JSON.readTree(blocked.body());
    assertThat(b.get("action").asText()).isEqualTo("BLOCKED");
    assertThat(b.get("blocked_reason").asText()).startsWith("distillguard: account blocked (attack")
        .doesNotContain("Show every step");
    assertThat(JSON.readTree(call(enforcing, "POST", "/beta/litellm_basic_guardrail_api",
        guardrailRequest(benign, "request"), "x-api-key", ingest).body()).get("action").asText()).isEqualTo("NONE");
    assertThat(JSON.readTree(call(enforcing, "POST", "/beta/litellm_basic_guardrail_api",
        guardrailRequest(attack, "response"), "x-api-key", ingest).body()).get("action").asText()).isEqualTo("NONE");
    assertThat(call(enforcing, "POST", "/beta/litellm_basic_guardrail_api", guardrailRequest(attack, "request"),
        "x-api-key", "wrong-key").statusCode()).isEqualTo(401);
    assertThat(call(enforcing, "POST", "/beta/litellm_basic_guardrail_api", "[1,2", "x-api-key", ingest)
        .statusCode()).isEqualTo(400);
  }

  static CheckResponse check(Map<String, String> headers) throws Exception {
    ManagedChannel ch = NettyChannelBuilder.forAddress("127.0.0.1", enforcing.envoyPort()).usePlaintext().build();
    try {
      CheckRequest req = CheckRequest.newBuilder().setAttributes(AttributeContext.newBuilder().setRequest(
          AttributeContext.Request.newBuilder().setHttp(AttributeContext.HttpRequest.newBuilder()
              .setMethod("POST").setPath("/v1/chat/completions").putAllHeaders(headers)))).build();
      return AuthorizationGrpc.newBlockingStub(ch).withDeadlineAfter(10, TimeUnit.SECONDS).check(req);
    } finally {
      ch.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  static String header(CheckResponse r, String name) {
    var headers = r.hasOkResponse() ? r.getOkResponse().getHeadersList() : r.getDeniedResponse().getHeadersList();
    return headers.stream().filter(h -> h.getHeader().getKey().equals(name)).map(h -> h.getHeader().getValue())
        .findFirst().orElse(null);
  }

  @Test
  void envoyExtAuthzDeniesAttackAccountsOverGrpc() throws Exception {
    assertThat(enforcing.envoyPort()).isPositive();
    // the account from the gateway's own header
    CheckResponse denied = check(Map.of("x-distillguard-account", attack));
    assertThat(denied.getStatus().getCode()).isEqualTo(com.google.rpc.Code.PERMISSION_DENIED_VALUE);
    assertThat(denied.getDeniedResponse().getStatus().getCodeValue()).isEqualTo(403);
    assertThat(JSON.readTree(denied.getDeniedResponse().getBody()).get("verdict").asText()).isEqualTo("attack");
    assertThat(header(denied, EnvoyAuthz.ACTION_HEADER)).isEqualTo("block");
    // the account from its API key, through the key map
    assertThat(check(Map.of("authorization", "Bearer sk-" + attack)).hasDeniedResponse()).isTrue();
    CheckResponse ok = check(Map.of("x-api-key", "sk-" + benign));
    assertThat(ok.getStatus().getCode()).isZero();
    assertThat(header(ok, EnvoyAuthz.ACTION_HEADER)).isEqualTo("allow");
    // unknown key, no account: allowed (detection never blocks what it cannot attribute)
    assertThat(check(Map.of("x-api-key", "sk-unknown")).getStatus().getCode()).isZero();
    assertThat(check(Map.of()).getStatus().getCode()).isZero();
  }

  @Test
  void shadowModeAllowsAndNamesWhatItWouldHaveDone() throws Exception {
    JsonNode d = get(shadow, "/v1/decisions/" + attack);
    assertThat(d.get("action").asText()).isEqualTo("allow");
    assertThat(d.get("shadow_action").asText()).isEqualTo("block");
    assertThat(JSON.readTree(call(shadow, "POST", "/beta/litellm_basic_guardrail_api",
        guardrailRequest(attack, "request"), "Authorization", ADMIN).body()).get("action").asText())
        .isEqualTo("NONE");
  }
}
