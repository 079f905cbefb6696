package org.oscar.alert.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oscar.alert.config.ApiConfig;
import org.oscar.contract.alert.AlertEvent;
import org.oscar.contract.alert.AlertKind;
import org.oscar.contract.codec.Json;
import org.oscar.contract.live.AssignmentView;
import org.oscar.contract.live.IncidentView;
import org.oscar.contract.live.LiveKeys;
import org.oscar.contract.wire.Role;
import org.oscar.testkit.RedisProcess;
import redis.clients.jedis.RedisClient;

/** The alert API over HTTP against a real Redis started by the test. */
class AlertApiServerIT {
  private static final String TOKEN = "it-token-0123456789abcdef";
  private static RedisProcess redis;
  private static RedisClient redisClient;
  private static Vertx vertx;
  private static String base;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    redis = new RedisProcess();
    redis.start();
    redisClient = RedisClient.create(redis.host(), redis.port());
    vertx = Vertx.vertx();
    ApiConfig config =
        ApiConfig.from(
            Map.of(
                "OSCAR_API_PORT",
                "0",
                "OSCAR_REDIS_PORT",
                String.valueOf(redis.port()),
                "OSCAR_API_TOKEN",
                TOKEN,
                "OSCAR_REGIONS_DIR",
                org.oscar.alert.TestRegionsDir.PATH));
    int port =
        AlertApiServer.overRedis(vertx, config)
            .start()
            .toCompletionStage()
            .toCompletableFuture()
            .get();
    base = "http://127.0.0.1:" + port;
  }

  @AfterAll
  static void stop() {
    redisClient.close();
    vertx.close();
    redis.close();
  }

  @BeforeEach
  void emptyRedis() {
    redisClient.flushAll();
  }

  @Test
  void refusesCallersWithoutTheToken() throws Exception {
    HttpResponse<String> none =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/incidents/INC-1")).build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> wrong =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/incidents/INC-1"))
                .header("Authorization", "Bearer not-the-token")
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(wrong.statusCode()).isEqualTo(401);
  }

  @Test
  void recordsOneShoNotificationHoweverOftenTheEventIsResent() throws Exception {
    IncidentView incident = incident("INC-SURV-1-1", "Capital Police Station");

    HttpResponse<String> first = post(opened(incident));
    HttpResponse<String> resend = post(opened(incident));
    post(opened(incident));

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(
            new JsonObject(first.body())
                .getJsonArray("notifications")
                .getJsonObject(0)
                .getBoolean("recorded"))
        .isTrue();
    assertThat(
            new JsonObject(resend.body())
                .getJsonArray("notifications")
                .getJsonObject(0)
                .getBoolean("recorded"))
        .isFalse();
    assertThat(redisClient.llen(LiveKeys.notifications("INC-SURV-1-1"))).isEqualTo(1);
  }

  @Test
  void servesTheIncidentWithItsAssignmentsAndNotifications() throws Exception {
    IncidentView incident = incident("INC-SURV-2-9", "Infocity Police Station");
    redisClient.set(LiveKeys.incident(incident.incidentId()), Json.toString(incident));
    post(opened(incident));

    HttpResponse<String> r = get("/api/v1/incidents/INC-SURV-2-9");

    assertThat(r.statusCode()).isEqualTo(200);
    JsonObject body = new JsonObject(r.body());
    assertThat(body.getString("jurisdiction")).isEqualTo("Infocity Police Station");
    assertThat(body.getJsonArray("assignments").getJsonObject(0).getString("unitId"))
        .isEqualTo("PCR-1");
    assertThat(body.getJsonArray("notifications").getJsonObject(0).getString("officialId"))
        .isEqualTo("SHO:Infocity Police Station");
  }

  @Test
  void answers404ForAnUnknownIncidentAnd400ForAMalformedId() throws Exception {
    assertThat(get("/api/v1/incidents/INC-NOPE").statusCode()).isEqualTo(404);
    assertThat(get("/api/v1/incidents/bad%20id").statusCode()).isEqualTo(400);
  }

  @Test
  void refusesAMalformedEventAndRecordsNothing() throws Exception {
    HttpResponse<String> r =
        http.send(
            request("/api/v1/events/alert")
                .POST(HttpRequest.BodyPublishers.ofString("{\"eventId\":\"x\",\"incident\":42}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(redisClient.keys("*")).isEmpty();
  }

  private static IncidentView incident(String id, String jurisdiction) {
    return new IncidentView(
        id,
        "khordha",
        "Khordha",
        "SURV-1",
        "OPEN",
        20.26,
        85.82,
        false,
        false,
        jurisdiction,
        null,
        null,
        1_000,
        List.of(
            new AssignmentView(id + "-P1-PCR-1", "PCR-1", Role.POLICE, "ASSIGNED", 120, 61_000)),
        List.of(),
        false,
        List.of(),
        null);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer " + TOKEN);
  }

  @Test
  void recordsEachLevelOfOneIncidentSeparatelyAndEachOnce() throws Exception {
    IncidentView incident = incident("INC-SURV-3-1", "Capital Police Station");
    post(opened(incident));
    AlertEvent rung2 =
        AlertEvent.of(AlertKind.ESCALATED, "ESCALATION-2", List.of("SHO"), "stalled", incident);
    post(rung2);
    post(rung2);

    assertThat(redisClient.lrange(LiveKeys.notifications("INC-SURV-3-1"), 0, -1))
        .hasSize(2)
        .anySatisfy(r -> assertThat(r).contains("\"level\":\"ESCALATION-2\""));
  }

  private static AlertEvent opened(IncidentView incident) {
    return AlertEvent.of(AlertKind.OPENED, "OPENED", List.of("SHO"), "incident opened", incident);
  }

  private HttpResponse<String> post(AlertEvent event) throws Exception {
    return http.send(
        request("/api/v1/events/alert")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Json.toString(event)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
  }
}
