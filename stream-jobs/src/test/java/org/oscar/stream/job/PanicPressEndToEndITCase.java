package org.oscar.stream.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.oscar.contract.codec.Json;
import org.oscar.contract.live.IncidentView;
import org.oscar.contract.live.LiveKeys;
import org.oscar.contract.scenario.Scenario;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.contract.wire.NoticeMessage;
import org.oscar.contract.wire.NoticeState;
import org.oscar.contract.wire.Role;
import org.oscar.contract.wire.TaskAction;
import org.oscar.contract.wire.TaskMessage;
import org.oscar.testkit.MosquittoProcess;
import org.oscar.testkit.RedisProcess;
import redis.clients.jedis.RedisClient;

/**
 * One panic press end to end on real parts: a Mosquitto and a Redis started by the test, the job on
 * a Flink MiniCluster, the alert API in-process. Devices are real MQTT clients.
 */
class PanicPressEndToEndITCase {
  private static final String TOKEN = LocalStack.TOKEN;
  private static final String REGION = "khordha";
  // Interior point of the Capital Police Station jurisdiction.
  private static final double PRESS_LAT = 20.265367;
  private static final double PRESS_LON = 85.828033;

  @RegisterExtension static final MiniClusterExtension FLINK = LocalStack.miniCluster();

  private static LocalStack stack;
  private static MosquittoProcess mosquitto;
  private static RedisProcess redis;
  private static int apiPort;
  private static RedisClient redisClient;

  private final AtomicLong seq = new AtomicLong();

  @BeforeAll
  static void startInfrastructure() throws Exception {
    stack = new LocalStack();
    mosquitto = stack.mosquitto;
    redis = stack.redis;
    redisClient = stack.redisClient;
    apiPort = stack.apiPort();
  }

  @AfterAll
  static void stopInfrastructure() {
    stack.close();
  }

  @Test
  void pressDispatchesNearestPoliceAndAmbulanceNotifiesSurvivorAndAlertsTheSho() throws Exception {
    Scenario scenario =
        new Scenario(
            REGION,
            List.of(
                new Scenario.UnitSpec("PCR-NEAR", DeviceKind.POLICE, 20.2700, 85.8300),
                new Scenario.UnitSpec("PCR-FAR", DeviceKind.POLICE, 20.3749, 85.8202),
                new Scenario.UnitSpec("AMB-NEAR", DeviceKind.AMBULANCE, 20.2600, 85.8260),
                new Scenario.UnitSpec("AMB-FAR", DeviceKind.AMBULANCE, 20.1803, 85.7143)),
            List.of(new Scenario.SurvivorSpec("SURV-1", PRESS_LAT, PRESS_LON, 0, false)));
    JobClient job = startJob(scenario);
    try (MqttTestClient devices = new MqttTestClient(mosquitto.url())) {
      devices.subscribe("oscar/v1/unit/+/task", "oscar/v1/dev/+/notice");

      // The job subscribes asynchronously: keep the fleet reporting until live state shows it.
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> {
                for (Scenario.UnitSpec u : scenario.units()) {
                  reportAvailable(devices, u);
                }
                assertThat(redisClient.smembers(LiveKeys.regionUnits(REGION))).hasSize(4);
                for (Scenario.UnitSpec u : scenario.units()) {
                  assertThat(redisClient.hget(LiveKeys.unit(u.id()), "status"))
                      .isEqualTo("AVAILABLE");
                  // Positions come in on their own lane, which may subscribe a moment later than
                  // the statuses': a unit with no place yet cannot be sent.
                  assertThat(redisClient.hget(LiveKeys.unit(u.id()), "lat")).isNotNull();
                }
              });

      // Bad input on the way: none of it may change anything.
      devices.publish("oscar/v1/dev/SURV-1/sos", "{not json");
      devices.publish("oscar/v1/dev/STRANGER/sos", pressJson(PRESS_LAT, PRESS_LON));
      // A press without seq cannot be told from its redelivery: the one form a press is refused
      // for.
      devices.publish(
          "oscar/v1/dev/SURV-1/sos",
          "{\"ts\":"
              + System.currentTimeMillis()
              + ",\"lat\":"
              + PRESS_LAT
              + ",\"lon\":"
              + PRESS_LON
              + "}");

      devices.publish("oscar/v1/dev/SURV-1/sos", pressJson(PRESS_LAT, PRESS_LON));

      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                assertThat(devices.receivedOn("oscar/v1/unit/PCR-NEAR/task")).hasSize(1);
                assertThat(devices.receivedOn("oscar/v1/unit/AMB-NEAR/task")).hasSize(1);
                assertThat(devices.receivedOn("oscar/v1/dev/SURV-1/notice")).hasSize(1);
              });

      TaskMessage police =
          Json.fromString(
              devices.receivedOn("oscar/v1/unit/PCR-NEAR/task").get(0).payload(),
              TaskMessage.class);
      TaskMessage ambulance =
          Json.fromString(
              devices.receivedOn("oscar/v1/unit/AMB-NEAR/task").get(0).payload(),
              TaskMessage.class);
      String incidentId = police.incidentId();
      assertThat(police.role()).isEqualTo(Role.POLICE);
      assertThat(police.action()).isEqualTo(TaskAction.ASSIGN);
      assertThat(police.lat()).isEqualTo(PRESS_LAT);
      assertThat(police.ackBy()).isGreaterThan(police.ts());
      assertThat(ambulance.role()).isEqualTo(Role.AMBULANCE);
      assertThat(ambulance.incidentId()).isEqualTo(incidentId);

      NoticeMessage notice =
          Json.fromString(
              devices.receivedOn("oscar/v1/dev/SURV-1/notice").get(0).payload(),
              NoticeMessage.class);
      assertThat(notice.incidentId()).isEqualTo(incidentId);
      assertThat(notice.state()).isEqualTo(NoticeState.HELP_COMING);
      assertThat(notice.etaS()).isEqualTo(Math.min(police.etaS(), ambulance.etaS()));

      // Live state is written by its own sink, independently of the downlink: wait for it.
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> redisClient.get(LiveKeys.incident(incidentId)) != null);
      IncidentView stored =
          Json.fromString(redisClient.get(LiveKeys.incident(incidentId)), IncidentView.class);
      assertThat(stored.jurisdiction()).isEqualTo("Capital Police Station");
      assertThat(stored.assignments()).hasSize(2);
      assertThat(redisClient.smembers(LiveKeys.openIncidents(REGION))).containsExactly(incidentId);

      HttpClient http = HttpClient.newHttpClient();
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> {
                HttpResponse<String> r = getIncident(http, incidentId);
                assertThat(r.statusCode()).isEqualTo(200);
                var body = new io.vertx.core.json.JsonObject(r.body());
                assertThat(body.getJsonArray("assignments")).hasSize(2);
                assertThat(body.getJsonArray("notifications").stream())
                    .map(n -> ((io.vertx.core.json.JsonObject) n).getString("officialId"))
                    .containsExactlyInAnyOrder(
                        "SHO:Capital Police Station", "OSC_ADMIN:OSC-KHORDHA");
              });

      // Nothing went to the far units, and the bad messages opened nothing.
      assertThat(devices.receivedOn("oscar/v1/unit/PCR-FAR/task")).isEmpty();
      assertThat(devices.receivedOn("oscar/v1/unit/AMB-FAR/task")).isEmpty();
      assertThat(devices.received()).hasSize(3);
      assertThat(redisClient.keys(LiveKeys.PREFIX + "incident:*:notifications")).hasSize(1);
      assertThat(redisClient.llen(LiveKeys.notifications(incidentId))).isEqualTo(2);

      // ... and each was counted by its reason where Prometheus can scrape it.
      String metrics = LocalStack.flinkMetrics();
      assertThat(metrics).containsPattern("pressToAssignmentMs_count\\{[^}]*\\} 1\\.0");
      for (String reason : List.of("not_json", "unknown_device", "missing_field")) {
        assertThat(metrics).containsPattern("_rejected_rejected_" + reason + "\\{[^}]*\\} 1\\.0");
      }
    } finally {
      job.cancel().get();
    }
  }

  private JobClient startJob(Scenario scenario) throws Exception {
    Path scenarioFile = Files.createTempFile("scenario", ".json");
    Files.writeString(scenarioFile, Json.toString(scenario));
    JobConfig config =
        JobConfig.from(
            Map.of(
                "OSCAR_MQTT_URL",
                mosquitto.url(),
                "OSCAR_REDIS_PORT",
                String.valueOf(redis.port()),
                "OSCAR_ALERT_API_URL",
                "http://127.0.0.1:" + apiPort,
                "OSCAR_ALERT_API_TOKEN",
                TOKEN,
                "OSCAR_REGIONS_DIR",
                org.oscar.stream.region.TestRegions.SHIPPED.toString(),
                "OSCAR_DEVICE_DIRECTORY",
                "scenario",
                "OSCAR_SCENARIO",
                scenarioFile.toString()));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.enableCheckpointing(1_000);
    OscarJobMain.wire(config).build(env);
    return env.executeAsync("oscar-it");
  }

  private void reportAvailable(MqttTestClient devices, Scenario.UnitSpec u) throws Exception {
    long now = System.currentTimeMillis();
    devices.publish(
        "oscar/v1/unit/" + u.id() + "/status",
        "{\"seq\":" + seq.incrementAndGet() + ",\"ts\":" + now + ",\"status\":\"AVAILABLE\"}");
    devices.publish(
        "oscar/v1/unit/" + u.id() + "/pos",
        "{\"seq\":"
            + seq.incrementAndGet()
            + ",\"ts\":"
            + now
            + ",\"lat\":"
            + u.lat()
            + ",\"lon\":"
            + u.lon()
            + "}");
  }

  private String pressJson(double lat, double lon) {
    return "{\"seq\":"
        + seq.incrementAndGet()
        + ",\"ts\":"
        + System.currentTimeMillis()
        + ",\"lat\":"
        + lat
        + ",\"lon\":"
        + lon
        + "}";
  }

  private HttpResponse<String> getIncident(HttpClient http, String incidentId) throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + apiPort + "/api/v1/incidents/" + incidentId))
            .header("Authorization", "Bearer " + TOKEN)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
