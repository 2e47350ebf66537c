package io.distillguard.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.distillguard.event.EventParser;
import io.distillguard.service.store.Database;
import io.distillguard.service.store.EventLog;
import io.distillguard.service.store.TokenStore;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on a real PostgreSQL server: the same migrations, log, tokens and service as on SQLite. */
class PostgresStoreIT {

  static PostgresServer pg;
  @TempDir static Path dir;

  @BeforeAll
  static void startServer() throws Exception {
    pg = PostgresServer.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    pg.close();
  }

  static EventLog.Entry entry(Random r, String account, int i) throws Exception {
    String json = ServiceApiTest.event(r, account, Instant.parse("2026-03-01T00:00:00Z").plusSeconds(i), "p" + i);
    return new EventLog.Entry(new EventParser().parse(json), json);
  }

  @Test
  void theEventLogIsDurableIdempotentAndOrdered() throws Exception {
    Database db = Database.at(pg.newDatabase("log_test"), "dg", null);
    Database.at(pg.newDatabase("log_test2"), "dg", null); // migrations run on a second database too
    Random r = new Random(9);
    List<EventLog.Entry> batch = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      batch.add(entry(r, "pg-" + (i % 3), i));
    }
    try (EventLog log = new EventLog(db)) {
      EventLog.Appended a = log.append(batch);
      assertThat(a.inserted()).isEqualTo(20);
      assertThat(log.append(batch.subList(5, 10)).duplicates()).hasSize(5);
      assertThat(log.read(0, 100)).extracting(EventLog.Stored::seq).containsExactlyElementsOf(
          java.util.stream.LongStream.rangeClosed(1, 20).boxed().toList());
      assertThat(log.read(18, 100)).extracting(EventLog.Stored::json)
          .containsExactly(batch.get(18).json(), batch.get(19).json());
    }
    // reopened: the sequence continues where it stopped, migrations are not re-run
    Database again = Database.at(db.describe(), "dg", null);
    try (EventLog log = new EventLog(again)) {
      assertThat(log.lastSeq()).isEqualTo(20);
      assertThat(log.append(List.of(entry(r, "pg-new", 99))).lastSeq()).isEqualTo(21);
    }
    TokenStore tokens = new TokenStore(db);
    String t = tokens.create(TokenStore.Role.ANALYST, "pg analyst");
    assertThat(tokens.authenticate(t)).hasValueSatisfying(p -> assertThat(p.role()).isEqualTo(TokenStore.Role.ANALYST));
    assertThat(tokens.authenticate(t + "x")).isEmpty();
  }

  @Test
  void theServiceRunsOnPostgres() throws Exception {
    String url = pg.newDatabase("service_test");
    ServiceConfig cfg = ServiceConfig.read(new java.util.Properties(),
        Map.of("DISTILLGUARD_STORE_URL", url, "DISTILLGUARD_STORE_USER", "dg"));
    try (Service s = Service.start(cfg, dir, "127.0.0.1", 0, ServiceApiTest.ADMIN)) {
      Random r = new Random(10);
      StringBuilder body = new StringBuilder();
      for (int i = 0; i < 30; i++) {
        body.append(ServiceApiTest.event(r, "svc-" + (i % 4), Instant.parse("2026-03-01T00:00:00Z").plusSeconds(60L * i),
            "question " + i)).append('\n');
      }
      HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/v1/events"))
          .header("Authorization", "Bearer " + ServiceApiTest.ADMIN)
          .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
      JsonNode first = ServiceApiTest.JSON.readTree(ServiceApiTest.HTTP.send(post, HttpResponse.BodyHandlers.ofString()).body());
      assertThat(first.get("accepted").asInt()).isEqualTo(30);
      JsonNode second = ServiceApiTest.JSON.readTree(ServiceApiTest.HTTP.send(post, HttpResponse.BodyHandlers.ofString()).body());
      assertThat(second.get("duplicates").asInt()).isEqualTo(30);
    }
  }
}
