package org.oscar.stream.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.oscar.contract.live.IncidentView;
import org.oscar.contract.live.LiveKeys;
import org.oscar.contract.region.DispatchPolicy;
import org.oscar.contract.security.PinHash;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.contract.wire.NoticeState;
import org.oscar.contract.wire.TaskAction;
import org.oscar.contract.wire.TaskMessage;
import org.oscar.stream.directory.DeviceDirectory;
import org.oscar.stream.directory.DeviceEntry;
import org.oscar.stream.directory.DirectorySource;
import org.oscar.stream.region.TestRegions;
import redis.clients.jedis.RedisClient;

/**
 * Each path of an incident's life, end to end on real parts: Mosquitto and Redis started by the
 * test, the job on a MiniCluster, the alert API in-process, devices as real MQTT clients. One job
 * serves all tests; each test has a dispatch region of its own, so their units never mix. The
 * policy is shortened (ack 3 s, stall 4 s, ladder step 3 s) so deadlines fire within the test.
 */
class IncidentLifecycleITCase {
  private static final String CANCEL_PIN = "2468";
  private static final String DURESS_PIN = "1357";
  private static final String[] TESTS = {
    "happy", "silent", "stall", "cancel", "duress", "moves", "dropout", "nofix"
  };
  // Interior point of the Capital Police Station jurisdiction, and places north of it.
  private static final double LAT = 20.265367;
  private static final double LON = 85.828033;

  @RegisterExtension static final MiniClusterExtension FLINK = LocalStack.miniCluster();

  private static LocalStack stack;
  private static RedisClient redisClient;
  private static JobClient job;
  private static MqttTestClient mqtt;
  private static Devices devices;

  /** The test's own dispatch region; its devices are named after it. */
  private String region;

  @BeforeAll
  static void startSystem() throws Exception {
    stack = new LocalStack();
    redisClient = stack.redisClient;
    job = startJob();
    mqtt = new MqttTestClient(stack.mosquitto.url());
    mqtt.subscribe("oscar/v1/unit/+/task", "oscar/v1/dev/+/notice");
    devices = new Devices(mqtt);
  }

  @AfterAll
  static void stopSystem() throws Exception {
    if (job != null) {
      job.cancel().get();
    }
    if (mqtt != null) {
      mqtt.close();
    }
    stack.close();
  }

  @Test
  void happyPathArrivesByGeofenceGoesToHospitalAndCloses() throws Exception {
    region = "happy";
    ready(unit("PCR-1", 800), unit("AMB-1", 900));
    devices.press(id("SURV"), LAT, LON, true);

    TaskMessage police = awaitTask(id("PCR-1"), TaskAction.ASSIGN);
    TaskMessage ambulance = awaitTask(id("AMB-1"), TaskAction.ASSIGN);
    assertThat(ambulance.destination().kind()).isEqualTo("HOSPITAL");
    devices.ack(id("PCR-1"), police.assignmentId(), true);
    devices.ack(id("AMB-1"), ambulance.assignmentId(), true);

    // The police unit drives up; the geofence sees it arrive.
    devices.unitAt(id("PCR-1"), LAT + 400 / 111_195.0, LON);
    devices.unitAt(id("PCR-1"), LAT + 80 / 111_195.0, LON);
    awaitNotice(id("SURV"), NoticeState.UNIT_ARRIVED);

    for (String status : List.of("ON_SCENE", "TRANSPORTING", "AT_FACILITY", "AVAILABLE")) {
      devices.unitStatus(id("AMB-1"), status);
    }
    devices.unitStatus(id("PCR-1"), "AVAILABLE");
    awaitNotice(id("SURV"), NoticeState.CLOSED);

    IncidentView closed = awaitIncident(police.incidentId(), "CLOSED");
    assertThat(closed.hospital()).isNotNull();
    assertThat(closed.timeline())
        .extracting(t -> t.what())
        .containsSubsequence("OPENED", "ARRIVED", "TRANSPORTING", "HANDED_OVER", "CLOSED");
    assertThat(redisClient.smembers(LiveKeys.openIncidents(region))).isEmpty();
    assertThat(awaitNotifications(police.incidentId(), 5))
        .extracting(n -> n.getString("officialId"))
        .contains("SHO:Capital Police Station", "SP:Khordha", "DM:Khordha", "CMO:Khordha");
  }

  @Test
  void silentUnitIsWithdrawnAndTheNextNearestAssigned() throws Exception {
    region = "silent";
    ready(unit("PCR-NEAR", 800), unit("PCR-NEXT", 2_500), unit("AMB-1", 900));
    devices.press(id("SURV"), LAT, LON, false);
    TaskMessage first = awaitTask(id("PCR-NEAR"), TaskAction.ASSIGN);
    devices.ack(id("AMB-1"), awaitTask(id("AMB-1"), TaskAction.ASSIGN).assignmentId(), true);

    // PCR-NEAR says nothing: after the 3 s ack deadline it is withdrawn and the next is asked.
    TaskMessage withdrawn = awaitTask(id("PCR-NEAR"), TaskAction.WITHDRAW);
    TaskMessage second = awaitTask(id("PCR-NEXT"), TaskAction.ASSIGN);

    assertThat(withdrawn.assignmentId()).isEqualTo(first.assignmentId());
    assertThat(second.incidentId()).isEqualTo(first.incidentId());
    assertThat(awaitIncident(first.incidentId(), "OPEN").timeline())
        .extracting(t -> t.what())
        .contains("WITHDRAWN_STRIKE");
  }

  @Test
  void unitWhoseConnectionDiesOnItsWayIsShownOfflineAndReplaced() throws Exception {
    region = "dropout";
    ready(unit("PCR-NEAR", 800), unit("PCR-NEXT", 2_500), unit("AMB-1", 900));
    // The unit's terminal as the contract has it: a last will, then online, retained.
    MqttClient terminal =
        new MqttClient(
            stack.mosquitto.url(), "terminal-" + id("PCR-NEAR"), new MemoryPersistence());
    MqttConnectOptions o = new MqttConnectOptions();
    o.setWill(
        "oscar/v1/unit/" + id("PCR-NEAR") + "/online",
        "{\"online\":false}".getBytes(StandardCharsets.UTF_8),
        1,
        true);
    terminal.connect(o);
    terminal.publish(
        "oscar/v1/unit/" + id("PCR-NEAR") + "/online",
        "{\"online\":true}".getBytes(StandardCharsets.UTF_8),
        1,
        true);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "true".equals(redisClient.hget(LiveKeys.presence(id("PCR-NEAR")), "online")));
    devices.press(id("SURV"), LAT, LON, false);
    TaskMessage first = awaitTask(id("PCR-NEAR"), TaskAction.ASSIGN);
    devices.ack(id("PCR-NEAR"), first.assignmentId(), true);
    devices.ack(id("AMB-1"), awaitTask(id("AMB-1"), TaskAction.ASSIGN).assignmentId(), true);
    awaitIncident(
        first.incidentId(),
        "OPEN",
        v -> v.timeline().stream().anyMatch(t -> t.what().equals("ACCEPTED")));

    // The terminal drops without a goodbye (no DISCONNECT): the broker publishes its will.
    terminal.disconnectForcibly(0, 0, false);
    terminal.close(true);

    TaskMessage second = awaitTask(id("PCR-NEXT"), TaskAction.ASSIGN);
    assertThat(second.incidentId()).isEqualTo(first.incidentId());
    assertThat(awaitTask(id("PCR-NEAR"), TaskAction.WITHDRAW).assignmentId())
        .isEqualTo(first.assignmentId());
    assertThat(redisClient.hget(LiveKeys.presence(id("PCR-NEAR")), "online")).isEqualTo("false");
    assertThat(awaitIncident(first.incidentId(), "OPEN").timeline())
        .extracting(t -> t.why())
        .contains("went offline before arriving");
  }

  @Test
  void stalledResponseEscalatesToControlRoomThenShoThenSp() throws Exception {
    region = "stall";
    ready(unit("PCR-1", 3_000), unit("AMB-1", 3_000));
    devices.press(id("SURV"), LAT, LON, false);
    TaskMessage police = awaitTask(id("PCR-1"), TaskAction.ASSIGN);
    devices.ack(id("PCR-1"), police.assignmentId(), true);
    devices.ack(id("AMB-1"), awaitTask(id("AMB-1"), TaskAction.ASSIGN).assignmentId(), true);

    // Accepted, then nobody moves: control room, then the SHO, then the SP are alerted, once each.
    List<JsonObject> notifications = awaitNotifications(police.incidentId(), 5);
    assertThat(notifications)
        .extracting(n -> n.getString("level") + " " + n.getString("officialId"))
        .contains(
            "ESCALATION-1 CONTROL_ROOM:" + region,
            "ESCALATION-2 SHO:Capital Police Station",
            "ESCALATION-3 SP:Khordha");
    assertThat(
            notifications.stream().map(n -> n.getString("level") + n.getString("role")).distinct())
        .hasSameSizeAs(notifications);
  }

  @Test
  void cancelWithPinWithdrawsUnitsAndTellsAlertedOfficials() throws Exception {
    region = "cancel";
    ready(unit("PCR-1", 800), unit("AMB-1", 900));
    devices.press(id("SURV"), LAT, LON, false);
    TaskMessage police = awaitTask(id("PCR-1"), TaskAction.ASSIGN);
    awaitTask(id("AMB-1"), TaskAction.ASSIGN);

    devices.cancel(id("SURV"), CANCEL_PIN);

    awaitTask(id("PCR-1"), TaskAction.WITHDRAW);
    awaitTask(id("AMB-1"), TaskAction.WITHDRAW);
    awaitNotice(id("SURV"), NoticeState.CANCELLED);
    awaitIncident(police.incidentId(), "CANCELLED");
    assertThat(awaitNotifications(police.incidentId(), 4))
        .filteredOn(n -> n.getString("level").equals("CANCELLED"))
        .extracting(n -> n.getString("officialId"))
        .containsExactlyInAnyOrder("SHO:Capital Police Station", "OSC_ADMIN:OSC-KHORDHA");
  }

  @Test
  void duressPinLooksCancelledButTheRescueGoesOnAsSerious() throws Exception {
    region = "duress";
    ready(unit("PCR-1", 800), unit("AMB-1", 900));
    devices.press(id("SURV"), LAT, LON, false);
    TaskMessage police = awaitTask(id("PCR-1"), TaskAction.ASSIGN);
    devices.ack(id("PCR-1"), police.assignmentId(), true);

    devices.cancel(id("SURV"), DURESS_PIN);

    awaitNotice(id("SURV"), NoticeState.CANCELLED);
    IncidentView view = awaitIncident(police.incidentId(), "OPEN", v -> v.serious());
    assertThat(view.timeline()).extracting(t -> t.what()).contains("DURESS");
    assertThat(awaitNotifications(police.incidentId(), 6))
        .filteredOn(n -> n.getString("level").equals("SERIOUS"))
        .extracting(n -> n.getString("officialId"))
        .contains("SP:Khordha", "DM:Khordha", "CMO:Khordha");
    assertThat(devices.tasks(id("PCR-1"), TaskAction.WITHDRAW)).isEmpty();
  }

  @Test
  void survivorMovesAndTheAssignedUnitIsRerouted() throws Exception {
    region = "moves";
    ready(unit("PCR-1", 800), unit("AMB-1", 900));
    devices.press(id("SURV"), LAT, LON, false);
    TaskMessage police = awaitTask(id("PCR-1"), TaskAction.ASSIGN);
    devices.ack(id("PCR-1"), police.assignmentId(), true);

    double movedLat = LAT - 1_000 / 111_195.0;
    devices.survivorAt(id("SURV"), movedLat, LON);

    TaskMessage update = awaitTask(id("PCR-1"), TaskAction.UPDATE);
    assertThat(update.lat()).isEqualTo(movedLat);
    assertThat(update.etaS()).isGreaterThan(police.etaS());
    assertThat(awaitIncident(police.incidentId(), "OPEN", v -> v.lat() == movedLat).timeline())
        .extracting(t -> t.what())
        .contains("MOVED");
  }

  @Test
  void aPressWithoutAFixOpensALocationUnknownIncidentDispatchedWhenHerPositionArrives()
      throws Exception {
    region = "nofix";
    ready(unit("PCR-1", 800), unit("AMB-1", 900));
    devices.pressWithoutFix(id("SURV"));

    awaitNotice(id("SURV"), NoticeState.RECEIVED);
    String incidentId = devices.notices(id("SURV")).get(0).incidentId();
    IncidentView unknown = awaitIncident(incidentId, "OPEN", IncidentView::locationUnknown);
    assertThat(unknown.assignments()).isEmpty();
    assertThat(unknown.timeline())
        .extracting(t -> t.what())
        .containsSubsequence("OPENED", "LOCATION_UNKNOWN");
    // The control room reads the same view: the page rings for a case with no place.
    assertThat(new JsonObject(stack.getIncident(incidentId).body()).getBoolean("locationUnknown"))
        .isTrue();
    assertThat(devices.tasks(id("PCR-1"))).isEmpty();

    devices.survivorAt(id("SURV"), LAT, LON);

    TaskMessage police = awaitTask(id("PCR-1"), TaskAction.ASSIGN);
    awaitTask(id("AMB-1"), TaskAction.ASSIGN);
    assertThat(police.incidentId()).isEqualTo(incidentId);
    assertThat(police.lat()).isEqualTo(LAT);
    IncidentView located = awaitIncident(incidentId, "OPEN", v -> !v.locationUnknown());
    assertThat(located.jurisdiction()).isEqualTo("Capital Police Station");
    assertThat(located.timeline()).extracting(t -> t.what()).contains("LOCATED");
    awaitNotice(id("SURV"), NoticeState.HELP_COMING);
  }

  // --- helpers ---

  private record UnitAt(String id, double metersNorth) {}

  private UnitAt unit(String name, double metersNorth) {
    return new UnitAt(id(name), metersNorth);
  }

  private String id(String name) {
    return region + "-" + name;
  }

  /** Announces the units until live state shows every one of them AVAILABLE. */
  private void ready(UnitAt... units) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              for (UnitAt u : units) {
                devices.unitStatus(u.id(), "AVAILABLE");
                devices.unitAt(u.id(), LAT + u.metersNorth() / 111_195.0, LON);
              }
              for (UnitAt u : units) {
                assertThat(redisClient.hget(LiveKeys.unit(u.id()), "status"))
                    .isEqualTo("AVAILABLE");
                assertThat(redisClient.hget(LiveKeys.unit(u.id()), "lat")).isNotNull();
              }
            });
  }

  private static TaskMessage awaitTask(String unit, TaskAction action) {
    await().atMost(Duration.ofSeconds(30)).until(() -> !devices.tasks(unit, action).isEmpty());
    return devices.tasks(unit, action).get(0);
  }

  private static void awaitNotice(String device, NoticeState state) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> devices.notices(device).stream().anyMatch(n -> n.state() == state));
  }

  private static IncidentView awaitIncident(String id, String state) {
    return awaitIncident(id, state, v -> true);
  }

  private static IncidentView awaitIncident(
      String id, String state, java.util.function.Predicate<IncidentView> also) {
    return stack.awaitIncident(id, v -> v.state().equals(state) && also.test(v));
  }

  /** The incident's notifications from the alert API, once there are at least {@code n}. */
  private static List<JsonObject> awaitNotifications(String incidentId, int n) {
    return await()
        .atMost(Duration.ofSeconds(40))
        .until(
            () -> {
              HttpResponse<String> r = stack.getIncident(incidentId);
              if (r.statusCode() != 200) {
                return List.<JsonObject>of();
              }
              JsonArray all = new JsonObject(r.body()).getJsonArray("notifications");
              return all.stream().map(o -> (JsonObject) o).toList();
            },
            list -> list.size() >= n);
  }

  private static JobClient startJob() throws Exception {
    SecureRandom random = new SecureRandom();
    Map<String, DeviceEntry> entries = new HashMap<>();
    for (String test : TESTS) {
      for (String unit : List.of("PCR-1", "PCR-NEAR", "PCR-NEXT")) {
        entries.put(test + "-" + unit, new DeviceEntry(test + "-" + unit, DeviceKind.POLICE, test));
      }
      entries.put(test + "-AMB-1", new DeviceEntry(test + "-AMB-1", DeviceKind.AMBULANCE, test));
      entries.put(
          test + "-SURV",
          new DeviceEntry(
              test + "-SURV",
              DeviceKind.PANIC,
              test,
              PinHash.hash(CANCEL_PIN, random, 1_000),
              PinHash.hash(DURESS_PIN, random, 1_000)));
    }
    DispatchPolicy fast = DispatchPolicy.defaults().withTimings(3, 4, 3, 30, 600);
    OscarJob oscar =
        stack.job(
            "it-lifecycle",
            DirectorySource.fixed(new DeviceDirectory(entries)),
            TestRegions.khordhaAs(
                    "cancel", "dropout", "duress", "happy", "moves", "nofix", "silent", "stall")
                .withPolicy(fast));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.enableCheckpointing(1_000);
    oscar.build(env);
    return env.executeAsync("oscar-lifecycle-it");
  }
}
