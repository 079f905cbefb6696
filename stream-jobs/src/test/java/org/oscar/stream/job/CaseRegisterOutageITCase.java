package org.oscar.stream.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.oscar.contract.codec.Json;
import org.oscar.contract.live.IncidentView;
import org.oscar.contract.live.LiveKeys;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.contract.wire.NoticeState;
import org.oscar.stream.directory.DeviceDirectory;
import org.oscar.stream.directory.DeviceEntry;
import org.oscar.stream.directory.DirectorySource;
import org.oscar.stream.region.TestRegions;
import org.oscar.testkit.PostgresProcess;

/**
 * The hand-off from the job to the case register, under failure: PostgreSQL killed (SIGKILL) and
 * the alert API stopped while presses are in flight and an OSC user keeps writing. Afterwards every
 * incident is exactly one case with its whole timeline, and every write the user was told had been
 * recorded is there, once.
 */
class CaseRegisterOutageITCase {
  private static final String REGION = "cases";
  private static final int SURVIVORS = 12;
  private static final double LAT = 20.265367;
  private static final double LON = 85.828033;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @RegisterExtension static final MiniClusterExtension FLINK = LocalStack.miniCluster();

  private static LocalStack stack;
  private static JobClient job;
  private static MqttTestClient mqtt;
  private static Devices devices;

  @BeforeAll
  static void start(@InjectMiniCluster MiniCluster flink) throws Exception {
    stack = LocalStack.withCaseRegister();
    Map<String, DeviceEntry> entries = new HashMap<>();
    for (int i = 0; i < SURVIVORS; i++) {
      entries.put(unit("PCR", i), new DeviceEntry(unit("PCR", i), DeviceKind.POLICE, REGION));
      entries.put(unit("AMB", i), new DeviceEntry(unit("AMB", i), DeviceKind.AMBULANCE, REGION));
      entries.put(survivor(i), new DeviceEntry(survivor(i), DeviceKind.PANIC, REGION));
    }
    OscarJob oscar =
        stack.job(
            "it-case-outage",
            DirectorySource.fixed(new DeviceDirectory(entries)),
            TestRegions.khordhaAs(REGION));
    StreamExecutionEnvironment env = LocalStack.environment(flink);
    env.enableCheckpointing(1_000);
    oscar.build(env);
    job = env.executeAsync("oscar-case-outage-it");
    mqtt = new MqttTestClient(stack.mosquitto.url());
    mqtt.subscribe("oscar/v1/dev/+/notice");
    devices = new Devices(mqtt);
  }

  @AfterAll
  static void stop() throws Exception {
    job.cancel().get();
    mqtt.close();
    stack.close();
  }

  @Test
  void everyIncidentIsOneWholeCaseAndEveryAcknowledgedWriteSurvivesPostgresAndApiOutages()
      throws Exception {
    ready();
    String token = login();
    String caseId = walkIn(token);
    List<String> acknowledged = new CopyOnWriteArrayList<>();
    AtomicBoolean writing = new AtomicBoolean(true);
    Thread writer = new Thread(() -> keepWriting(token, caseId, writing, acknowledged));
    writer.start();

    for (int i = 0; i < SURVIVORS / 2; i++) {
      devices.press(survivor(i), LAT + i * 0.0005, LON, false);
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 5);
    int beforeKill = acknowledged.size();
    stack.postgres.kill();
    for (int i = SURVIVORS / 2; i < SURVIVORS; i++) {
      devices.press(survivor(i), LAT + i * 0.0005, LON, false);
    }
    // Dispatch does not wait for the register: every survivor is told help is coming.
    await().atMost(Duration.ofSeconds(30)).until(() -> helpComing() == SURVIVORS);
    stack.stopApi();
    Thread.sleep(2_000); // the job's case sink retries against the stopped API meanwhile
    stack.postgres.start();
    stack.startApi();
    await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= beforeKill + 5);
    writing.set(false);
    writer.join(30_000);

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              Map<String, Integer> liveSteps = liveTimelines();
              assertThat(liveSteps).hasSize(SURVIVORS);
              assertThat(casesByIncident()).isEqualTo(liveSteps);
            });
    JsonObject c = get("/api/v1/cases/" + caseId, token);
    List<String> recorded =
        c.getJsonArray("events").stream().map(e -> ((JsonObject) e).getString("id")).toList();
    assertThat(recorded).containsAll(acknowledged);
    assertThat(
            c.getJsonArray("events").stream()
                .filter(e -> "COUNSELLING_SESSION".equals(((JsonObject) e).getString("type"))))
        .as("each request recorded once, retried or not")
        .hasSize(acknowledged.size());
    System.out.printf(
        "case register outage: %d incidents -> %d cases, %d acknowledged writes all kept%n",
        SURVIVORS, casesByIncident().size(), acknowledged.size());
  }

  /**
   * An OSC user recording sessions through the outage as the page does: each request retried with
   * its requestId until the API acknowledges it (201, or 200 for a retry it had already recorded).
   */
  private static void keepWriting(
      String token, String caseId, AtomicBoolean writing, List<String> acknowledged) {
    int n = 0;
    while (writing.get()) {
      String requestId = "outage-write-" + n;
      JsonObject body =
          new JsonObject()
              .put("type", "COUNSELLING_SESSION")
              .put("data", new JsonObject().put("counsellor", "OSC counsellor"))
              .put("requestId", requestId);
      try {
        HttpResponse<String> r =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/v1/cases/" + caseId + "/events"))
                    .timeout(Duration.ofSeconds(5))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.encode()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 201 || r.statusCode() == 200) {
          acknowledged.add(new JsonObject(r.body()).getString("eventId"));
          n++;
        } else {
          Thread.sleep(100);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        sleep(100); // the API is down: the same request again
      }
    }
  }

  /** Live state's incidents of the region, each with the length of its timeline. */
  private static Map<String, Integer> liveTimelines() {
    Map<String, Integer> steps = new HashMap<>();
    for (String id : stack.redisClient.smembers(LiveKeys.openIncidents(REGION))) {
      IncidentView v =
          Json.fromString(stack.redisClient.get(LiveKeys.incident(id)), IncidentView.class);
      steps.put(id, v.timeline().size());
    }
    return steps;
  }

  /** The register's press cases of the region: incident → its timeline's length; fails on twins. */
  private static Map<String, Integer> casesByIncident() throws Exception {
    Map<String, Integer> steps = new HashMap<>();
    try (Connection c =
            DriverManager.getConnection(
                stack.postgres.jdbcUrl(), PostgresProcess.USER, stack.postgres.password());
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select incident_id, jsonb_array_length(incident->'timeline') as steps"
                        + " from survivor_case where region = '"
                        + REGION
                        + "'")) {
      while (rs.next()) {
        Integer before = steps.put(rs.getString("incident_id"), rs.getInt("steps"));
        assertThat(before).as("a second case for " + rs.getString("incident_id")).isNull();
      }
    }
    return steps;
  }

  private static String login() throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        new JsonObject()
                            .put("username", LocalStack.OSC_ADMIN)
                            .put("password", LocalStack.USER_PASSWORD)
                            .encode()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return new JsonObject(r.body()).getString("token");
  }

  private static String walkIn(String token) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base() + "/api/v1/cases"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        new JsonObject()
                            .put("origin", "WALK_IN")
                            .put("requestId", "outage-walk-in-1")
                            .encode()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(201);
    return new JsonObject(r.body()).getString("caseId");
  }

  private static JsonObject get(String path, String token) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return new JsonObject(r.body());
  }

  private static String base() {
    return "http://127.0.0.1:" + stack.apiPort();
  }

  private static long helpComing() {
    long n = 0;
    for (int i = 0; i < SURVIVORS; i++) {
      if (devices.notices(survivor(i)).stream()
          .anyMatch(x -> x.state() == NoticeState.HELP_COMING)) {
        n++;
      }
    }
    return n;
  }

  /** Announces the region's units until live state shows them all. */
  private static void ready() {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              for (int i = 0; i < SURVIVORS; i++) {
                for (String kind : List.of("PCR", "AMB")) {
                  devices.unitStatus(unit(kind, i), "AVAILABLE");
                  devices.unitAt(unit(kind, i), LAT + 0.01 + i * 0.001, LON);
                }
              }
              assertThat(stack.redisClient.smembers(LiveKeys.regionUnits(REGION)))
                  .hasSize(2 * SURVIVORS);
            });
  }

  private static String unit(String kind, int i) {
    return REGION + "-" + kind + "-" + i;
  }

  private static String survivor(int i) {
    return REGION + "-SURV-" + i;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
