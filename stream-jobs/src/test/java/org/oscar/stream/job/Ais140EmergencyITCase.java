package org.oscar.stream.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonObject;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.oscar.contract.live.IncidentView;
import org.oscar.contract.live.LiveKeys;
import org.oscar.contract.mqtt.MqttPublisher;
import org.oscar.contract.registry.DeviceRecord;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.contract.wire.NoticeState;
import org.oscar.contract.wire.TaskAction;
import org.oscar.gateway.ais140.Ais140Server;
import org.oscar.gateway.ais140.ContractPublisher;
import org.oscar.gateway.ais140.FrameOutcome;
import org.oscar.gateway.registry.DeviceRegistry;
import org.oscar.stream.directory.DeviceDirectory;
import org.oscar.stream.directory.DeviceEntry;
import org.oscar.stream.directory.DirectorySource;
import org.oscar.stream.region.TestRegions;
import redis.clients.jedis.RedisClient;

/**
 * An AIS-140 tracker's emergency, end to end on real parts: a TCP frame to the adapter, the press
 * on a real Mosquitto, the job on a MiniCluster, the incident in Redis and on the alert API. Frames
 * no strict parser would take (no fix at 0,0; a checksum of no known form) still reach a rescue.
 */
class Ais140EmergencyITCase {
  private static final String REGION = "ais";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  // A real capture (corpus TR16): an emergency with no fix, at 0,0, CRC-32 after the star.
  private static final String NO_FIX_FRAME =
      "$EPB,EMR,869867036066035,NM,03042019,192008,V,000.00000000,N,000.00000000,E,0000000000.0,"
          + "0000.0,00.000,G,,0,404,22,ECFB,36EF*226F7BD1";
  private static final String NO_FIX_IMEI = "869867036066035";
  private static final String UNVERIFIED_IMEI = "861850060252398";
  private static final double LAT = 20.265367;
  private static final double LON = 85.828033;

  @RegisterExtension static final MiniClusterExtension FLINK = LocalStack.miniCluster();

  private static LocalStack stack;
  private static JobClient job;
  private static MqttTestClient mqtt;
  private static Devices devices;
  private static MqttPublisher adapterBroker;
  private static Ais140Server adapter;
  private static int adapterPort;
  private static DeviceRegistry registry;

  @BeforeAll
  static void startSystem(@InjectMiniCluster MiniCluster flink) throws Exception {
    stack = new LocalStack();
    Map<String, DeviceEntry> entries = new HashMap<>();
    for (String id : List.of("ais-TRACKER-1", "ais-TRACKER-2")) {
      entries.put(id, new DeviceEntry(id, DeviceKind.PANIC, REGION));
    }
    entries.put("ais-PCR-1", new DeviceEntry("ais-PCR-1", DeviceKind.POLICE, REGION));
    entries.put("ais-AMB-1", new DeviceEntry("ais-AMB-1", DeviceKind.AMBULANCE, REGION));
    OscarJob oscar =
        stack.job(
            "it-ais140",
            DirectorySource.fixed(new DeviceDirectory(entries)),
            TestRegions.khordhaAs(REGION, "khordha"));
    StreamExecutionEnvironment env = LocalStack.environment(flink);
    env.enableCheckpointing(1_000);
    oscar.build(env);
    job = env.executeAsync("oscar-ais140-it");
    mqtt = new MqttTestClient(stack.mosquitto.url());
    mqtt.subscribe("oscar/v1/unit/+/task", "oscar/v1/dev/+/notice");
    devices = new Devices(mqtt);

    Map<String, DeviceRecord> bound =
        Map.of(
            NO_FIX_IMEI, tracker("ais-TRACKER-1"),
            UNVERIFIED_IMEI, tracker("ais-TRACKER-2"));
    adapterBroker = new MqttPublisher(stack.mosquitto.url(), "oscar-ais140-it", null, null);
    registry = new DeviceRegistry(RedisClient.create("127.0.0.1", stack.redis.port()));
    adapter =
        new Ais140Server(
            imei -> Optional.ofNullable(bound.get(imei)),
            registry.unregisteredEmergencies("khordha"),
            ContractPublisher.over(adapterBroker),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            2);
    adapterPort = adapter.start("127.0.0.1", 0);
  }

  @AfterAll
  static void stopSystem() throws Exception {
    if (adapter != null) {
      adapter.close();
    }
    if (adapterBroker != null) {
      adapterBroker.close();
    }
    if (registry != null) {
      registry.close();
    }
    if (job != null) {
      job.cancel().get();
    }
    if (mqtt != null) {
      mqtt.close();
    }
    stack.close();
  }

  @Test
  void anEmergencyWithNoFixOpensALocationUnknownIncidentThatRingsTheControlRoom() throws Exception {
    sendFrame(NO_FIX_FRAME);

    String incidentId = awaitIncidentOf("ais-TRACKER-1");
    IncidentView view = stack.awaitIncident(incidentId, IncidentView::locationUnknown);
    assertThat(view.state()).isEqualTo("OPEN");
    assertThat(view.timeline()).extracting(t -> t.what()).contains("OPENED", "LOCATION_UNKNOWN");
    // What the control room's page reads, and the officials alerted for it.
    assertThat(stack.incident(incidentId).getBoolean("locationUnknown")).isTrue();
    await().atMost(Duration.ofSeconds(30)).until(() -> !stack.notifications(incidentId).isEmpty());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                devices.notices("ais-TRACKER-1").stream()
                    .anyMatch(n -> n.state() == NoticeState.RECEIVED));
    assertThat(adapter.metrics().count(FrameOutcome.PUBLISHED_WITHOUT_POSITION)).isEqualTo(1);
  }

  @Test
  void anEmergencyWhoseChecksumCannotBeVerifiedIsStillDispatched() throws Exception {
    readyUnits();
    String body =
        "EPB,EMR," + UNVERIFIED_IMEI + ",NM,29112026204500,A," + LAT + ",N," + LON + ",E,45,0.0";

    sendFrame("$" + body + "*00");

    var police = devices.firstAssignment("ais-PCR-1");
    String incidentId = police.incidentId();
    assertThat(stack.timeline(incidentId)).isNotEmpty();
    IncidentView view = stack.awaitIncident(incidentId, v -> !v.assignments().isEmpty());
    assertThat(view.timeline().get(0).why()).contains("frame integrity unverified");
    assertThat(devices.tasks("ais-AMB-1", TaskAction.ASSIGN)).isNotEmpty();
    assertThat(adapter.metrics().count(FrameOutcome.PUBLISHED_UNVERIFIED)).isEqualTo(1);
  }

  @Test
  void anUnregisteredTrackersEmergencyReachesTheControlRoomWhichOpensOneCaseForIt()
      throws Exception {
    String stranger = "354678901234564";
    long before = adapter.metrics().count(FrameOutcome.UNREGISTERED_EMERGENCY);
    long forwardedBefore = forwarded();
    try (Socket socket = new Socket("127.0.0.1", adapterPort)) {
      socket
          .getOutputStream()
          .write(
              ("$EPB,EMR," + stranger + ",NM,29112026204500,A," + LAT + ",N," + LON + ",E\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> adapter.metrics().count(FrameOutcome.UNREGISTERED_EMERGENCY) > before);
    }
    String user = login();

    JsonObject shown =
        new JsonObject(get("/api/v1/unregistered-emergencies", user).body())
            .getJsonArray("emergencies").stream()
                .map(o -> (JsonObject) o)
                .filter(e -> e.getString("imei").equals(stranger))
                .findFirst()
                .orElseThrow();
    assertThat(shown.getDouble("lat")).isEqualTo(LAT);
    assertThat(forwarded()).isEqualTo(forwardedBefore); // no press on its word alone

    // Two operators click "Open a case here" on the same alarm: one case.
    JsonObject open =
        new JsonObject()
            .put("lat", LAT)
            .put("lon", LON)
            .put("region", "khordha")
            .put("source", "UNREGISTERED_TRACKER")
            .put("dedupeKey", "unregistered:" + stranger + ":" + shown.getLong("firstAt"));
    String first =
        new JsonObject(post("/api/v1/incidents", user, open).body()).getString("incidentId");
    String second =
        new JsonObject(post("/api/v1/incidents", user, open).body()).getString("incidentId");
    assertThat(second).isEqualTo(first);
    IncidentView opened = stack.awaitIncident(first, v -> v.state().equals("OPEN"));
    assertThat(opened.timeline().get(0).why()).contains("UNREGISTERED_TRACKER");
    Thread.sleep(1_000); // the second command has been through the job by now
    assertThat(stack.awaitIncident(first, v -> true).timeline())
        .filteredOn(t -> t.what().equals("OPENED"))
        .hasSize(1);
  }

  private static String login() throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(api("/login")))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        new JsonObject()
                            .put("username", LocalStack.USER)
                            .put("password", LocalStack.USER_PASSWORD)
                            .encode()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new JsonObject(r.body()).getString("token");
  }

  private static HttpResponse<String> get(String path, String token) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(api(path)))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String token, JsonObject body)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(api(path)))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.encode()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String api(String path) {
    return "http://127.0.0.1:" + stack.apiPort() + path;
  }

  private static DeviceRecord tracker(String id) {
    return new DeviceRecord(
        id, DeviceKind.PANIC, REGION, DeviceRecord.DeviceStatus.ACTIVE, 0, null, null);
  }

  /** Sends one frame on a connection of its own and waits until the adapter has forwarded it. */
  private static void sendFrame(String frame) throws Exception {
    long before = forwarded();
    try (Socket socket = new Socket("127.0.0.1", adapterPort)) {
      OutputStream out = socket.getOutputStream();
      out.write((frame + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      await().atMost(Duration.ofSeconds(10)).until(() -> forwarded() > before);
    }
  }

  private static long forwarded() {
    return adapter.metrics().count(FrameOutcome.PUBLISHED)
        + adapter.metrics().count(FrameOutcome.PUBLISHED_UNVERIFIED)
        + adapter.metrics().count(FrameOutcome.PUBLISHED_WITHOUT_POSITION);
  }

  private static void readyUnits() {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              devices.unitStatus("ais-PCR-1", "AVAILABLE");
              devices.unitAt("ais-PCR-1", LAT + 800 / 111_195.0, LON);
              devices.unitStatus("ais-AMB-1", "AVAILABLE");
              devices.unitAt("ais-AMB-1", LAT + 900 / 111_195.0, LON);
              for (String u : List.of("ais-PCR-1", "ais-AMB-1")) {
                assertThat(stack.redisClient.hget(LiveKeys.unit(u), "status"))
                    .isEqualTo("AVAILABLE");
                // Positions have their own lane, which may subscribe later than the statuses'.
                assertThat(stack.redisClient.hget(LiveKeys.unit(u), "lat")).isNotNull();
              }
            });
  }

  private static String awaitIncidentOf(String deviceId) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> stack.incidentsOf(deviceId), ids -> !ids.isEmpty())
        .get(0);
  }
}
