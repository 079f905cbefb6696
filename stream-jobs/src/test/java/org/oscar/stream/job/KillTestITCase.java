package org.oscar.stream.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.oscar.contract.live.LiveKeys;
import org.oscar.contract.security.PinHash;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.stream.directory.DeviceDirectory;
import org.oscar.stream.directory.DeviceEntry;
import org.oscar.stream.directory.DirectorySource;
import org.oscar.stream.region.TestRegions;
import org.oscar.testkit.MosquittoProcess;
import org.oscar.testkit.RedisProcess;

/**
 * One scripted run of many emergencies while every part is killed in turn: Mosquitto (SIGKILL,
 * restarted from its persistence file), Redis (SIGKILL, append-only file), the Flink job's task
 * execution (its TaskManager terminated and a new one started: failover from the last checkpoint)
 * and the alert API (stopped, restarted). Survivors press during each outage, as devices do:
 * resending until the broker acknowledges. Afterwards every survivor cancels with her PIN.
 *
 * <p>At the end: every press became exactly one incident, every incident reached its terminal state
 * (CANCELLED) and left the open set, no official was alerted twice for the same incident and level,
 * and every one of them was alerted that the case was opened and that it was cancelled.
 */
class KillTestITCase {
  private static final String REGION = "kill";
  private static final int PER_PHASE = 6;
  private static final List<String> PHASES =
      List.of("calm", "broker", "broker-down", "redis", "taskmanager", "api");
  private static final String PIN = "2468";
  private static final double LAT = 20.265367;
  private static final double LON = 85.828033;

  @RegisterExtension static final MiniClusterExtension FLINK = LocalStack.miniCluster();

  private static LocalStack stack;
  private static JobClient job;
  private static NoticeWatcher notices;
  private static final ExecutorService devices = Executors.newFixedThreadPool(8);

  @BeforeAll
  static void start(@InjectMiniCluster MiniCluster flink) throws Exception {
    stack = new LocalStack(MosquittoProcess.persistent(), RedisProcess.persistent());
    SecureRandom random = new SecureRandom();
    Map<String, DeviceEntry> entries = new HashMap<>();
    for (int i = 0; i < 8; i++) {
      entries.put("K-PCR-" + i, new DeviceEntry("K-PCR-" + i, DeviceKind.POLICE, REGION));
      entries.put("K-AMB-" + i, new DeviceEntry("K-AMB-" + i, DeviceKind.AMBULANCE, REGION));
    }
    String pinHash = PinHash.hash(PIN, random, 1_000);
    for (String survivor : survivors()) {
      entries.put(
          survivor,
          new DeviceEntry(
              survivor, DeviceKind.PANIC, REGION, pinHash, PinHash.hash("1357", random, 1_000)));
    }
    OscarJob oscar =
        stack.job(
            "it-kill",
            DirectorySource.fixed(new DeviceDirectory(entries)),
            TestRegions.khordhaAs(REGION));
    StreamExecutionEnvironment env = LocalStack.environment(flink);
    env.enableCheckpointing(1_000);
    oscar.build(env);
    job = env.executeAsync("oscar-kill-it");
    notices = new NoticeWatcher(stack.mosquitto.url());
  }

  @AfterAll
  static void stop() throws Exception {
    devices.shutdownNow();
    notices.close();
    if (job != null) {
      job.cancel().get();
    }
    stack.close();
  }

  @Test
  void nothingIsLostDuplicatedOrStuckWhileEveryPartIsKilledInTurn(
      @InjectMiniCluster MiniCluster flink) throws Exception {
    ready();
    int kills = 0;

    pressAll("calm");

    // The broker is killed the moment it has acknowledged these presses: before it may have saved
    // them. Devices that hear nothing back send the same press again.
    int acceptedBefore = FIRST_ACCEPTS.get();
    List<Future<?>> during = pressAllInBackground("broker");
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(5))
        .until(() -> FIRST_ACCEPTS.get() - acceptedBefore == PER_PHASE);
    stack.mosquitto.kill();
    kills++;
    during.addAll(pressAllInBackground("broker-down"));
    Thread.sleep(2_000);
    stack.mosquitto.start();
    waitFor(during);

    stack.redis.kill();
    kills++;
    during = pressAllInBackground("redis");
    Thread.sleep(3_000);
    stack.redis.start();
    waitFor(during);

    flink.terminateTaskManager(0).get(30, TimeUnit.SECONDS);
    kills++;
    during = pressAllInBackground("taskmanager");
    Thread.sleep(1_000);
    flink.startTaskManager();
    waitFor(during);

    stack.stopApi();
    kills++;
    during = pressAllInBackground("api");
    Thread.sleep(2_000);
    stack.startApi();
    waitFor(during);

    // Every survivor is helped, then cancels with her PIN: every case must end.
    List<String> missing = awaitEveryPressIsAnIncident();
    System.out.println("kill test: presses without an incident after 120 s: " + missing);
    List<Future<?>> cancels = new ArrayList<>();
    for (String s : survivors()) {
      cancels.add(
          devices.submit(
              () ->
                  publishUntilAccepted(
                      s,
                      "cancel",
                      "{\"seq\":100,\"ts\":"
                          + System.currentTimeMillis()
                          + ",\"pin\":\""
                          + PIN
                          + "\"}")));
    }
    waitFor(cancels);

    Tally t = awaitTheEnd();
    System.out.printf(
        "kill test: %d presses (%d resent by devices that had not heard back), %d kills (broker,"
            + " redis, taskmanager, alert API), %d incidents, %d lost, %d duplicated, %d stuck, %d"
            + " official alerts, %d duplicate alerts%n",
        survivors().size(),
        RESENDS.get(),
        kills,
        t.incidents,
        t.lost,
        t.duplicated,
        t.stuck,
        t.alerts,
        t.duplicateAlerts);
    assertThat(t.lost).isZero();
    assertThat(t.duplicated).isZero();
    assertThat(t.stuck).isZero();
    assertThat(t.duplicateAlerts).isZero();
  }

  private record Tally(
      int incidents,
      int lost,
      int duplicated,
      int stuck,
      int alerts,
      int duplicateAlerts,
      List<String> stuckCases) {}

  /** Waits for every press to be an incident; returns the survivors still without one. */
  private static List<String> awaitEveryPressIsAnIncident() {
    try {
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofSeconds(1))
          .ignoreExceptions()
          .until(() -> survivors().stream().allMatch(s -> !stack.incidentsOf(s).isEmpty()));
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      // counted below as lost
    }
    return survivors().stream().filter(s -> stack.incidentsOf(s).isEmpty()).toList();
  }

  /** Waits until every case is CANCELLED with its officials told, then counts what there is. */
  private static Tally awaitTheEnd() throws Exception {
    try {
      return await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofSeconds(1))
          .ignoreExceptions()
          .until(KillTestITCase::tally, t -> t.stuck == 0 && t.lost == 0);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      Tally t = tally();
      System.out.println("kill test: stuck after 90 s: " + t.stuckCases());
      return t;
    }
  }

  private static Tally tally() throws Exception {
    int incidents = 0;
    int lost = 0;
    int duplicated = 0;
    int stuck = 0;
    int alerts = 0;
    int duplicateAlerts = 0;
    List<String> stuckCases = new ArrayList<>();
    for (String s : survivors()) {
      List<String> ids = stack.incidentsOf(s);
      incidents += ids.size();
      lost += ids.isEmpty() ? 1 : 0;
      duplicated += Math.max(0, ids.size() - 1);
      for (String id : ids) {
        JsonObject inc = new JsonObject(stack.getIncident(id).body());
        JsonArray notifications = inc.getJsonArray("notifications");
        Set<String> seen = new HashSet<>();
        Set<String> levels = new HashSet<>();
        for (int i = 0; i < notifications.size(); i++) {
          JsonObject n = notifications.getJsonObject(i);
          alerts++;
          levels.add(n.getString("level"));
          if (!seen.add(n.getString("level") + " " + n.getString("officialId"))) {
            duplicateAlerts++;
          }
        }
        boolean ended = "CANCELLED".equals(inc.getString("state"));
        boolean told = levels.contains("OPENED") && levels.contains("CANCELLED");
        if (!ended || !told || stack.redisClient.sismember(LiveKeys.openIncidents(REGION), id)) {
          stuck++;
          // What a failure report needs: where each stuck case stopped.
          stuckCases.add(
              id
                  + " state "
                  + inc.getString("state")
                  + " levels "
                  + levels
                  + " timeline "
                  + inc.getJsonArray("timeline").stream()
                      .map(e -> ((JsonObject) e).getString("what"))
                      .toList());
        }
      }
    }
    return new Tally(incidents, lost, duplicated, stuck, alerts, duplicateAlerts, stuckCases);
  }

  private static void ready() {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              for (int i = 0; i < 8; i++) {
                for (String kind : List.of("PCR", "AMB")) {
                  String id = "K-" + kind + "-" + i;
                  publishUntilAccepted(
                      id,
                      "status",
                      "{\"seq\":"
                          + System.nanoTime()
                          + ",\"ts\":"
                          + System.currentTimeMillis()
                          + ",\"status\":\"AVAILABLE\"}");
                  publishUntilAccepted(
                      id,
                      "pos",
                      "{\"seq\":"
                          + System.nanoTime()
                          + ",\"ts\":"
                          + System.currentTimeMillis()
                          + ",\"lat\":"
                          + (LAT + 0.01 + i * 0.001)
                          + ",\"lon\":"
                          + LON
                          + "}");
                }
              }
              return stack.redisClient.scard(LiveKeys.regionUnits(REGION)) == 16;
            });
  }

  private static void pressAll(String phase) throws Exception {
    waitFor(pressAllInBackground(phase));
  }

  private static List<Future<?>> pressAllInBackground(String phase) {
    List<Future<?>> presses = new ArrayList<>();
    for (int i = 0; i < PER_PHASE; i++) {
      String survivor = survivor(phase, i);
      double lat = LAT + i * 0.0005;
      String press =
          "{\"seq\":1,\"ts\":"
              + System.currentTimeMillis()
              + ",\"lat\":"
              + lat
              + ",\"lon\":"
              + LON
              + ",\"injured\":false}";
      presses.add(devices.submit(() -> pressUntilHeard(survivor, press)));
    }
    return presses;
  }

  /**
   * What a panic device does with a press: it resends it (the same {@code seq}) until it hears from
   * the pipeline on its notice topic. The broker's acknowledgement alone is not enough: a broker
   * killed within a second of acknowledging may not have saved the message yet.
   */
  private static Void pressUntilHeard(String survivor, String press) throws InterruptedException {
    long giveUpAt = System.currentTimeMillis() + 90_000;
    int sent = 0;
    while (System.currentTimeMillis() < giveUpAt) {
      publishUntilAccepted(survivor, "sos", press);
      if (sent == 0) {
        FIRST_ACCEPTS.incrementAndGet();
      }
      if (sent++ > 0) {
        RESENDS.incrementAndGet();
      }
      long waitUntil = System.currentTimeMillis() + 8_000;
      while (System.currentTimeMillis() < waitUntil) {
        if (notices.heardFrom(survivor)) {
          return null;
        }
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException(survivor + " never heard back in 90 s");
  }

  private static final java.util.concurrent.atomic.AtomicInteger RESENDS =
      new java.util.concurrent.atomic.AtomicInteger();
  private static final java.util.concurrent.atomic.AtomicInteger FIRST_ACCEPTS =
      new java.util.concurrent.atomic.AtomicInteger();

  /**
   * What a device does with a QoS 1 message: it keeps it until the broker has acknowledged it,
   * reconnecting as needed (the same {@code seq} each time, so a repeat is recognised).
   */
  private static Void publishUntilAccepted(String deviceId, String leaf, String json)
      throws InterruptedException {
    String family = deviceId.startsWith("K-S") ? "dev" : "unit";
    String topic = "oscar/v1/" + family + "/" + deviceId + "/" + leaf;
    long giveUpAt = System.currentTimeMillis() + 60_000;
    while (true) {
      try {
        MqttClient c =
            new MqttClient(
                stack.mosquitto.url(), "dev-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setConnectionTimeout(2);
        c.connect(o);
        c.publish(topic, json.getBytes(StandardCharsets.UTF_8), 1, false);
        c.disconnect();
        c.close();
        return null;
      } catch (MqttException e) {
        if (System.currentTimeMillis() > giveUpAt) {
          throw new IllegalStateException(deviceId + " could not reach the broker for 60 s", e);
        }
        Thread.sleep(250);
      }
    }
  }

  private static void waitFor(List<Future<?>> futures) throws Exception {
    for (Future<?> f : futures) {
      f.get(90, TimeUnit.SECONDS);
    }
  }

  private static List<String> survivors() {
    List<String> all = new ArrayList<>();
    for (String phase : PHASES) {
      for (int i = 0; i < PER_PHASE; i++) {
        all.add(survivor(phase, i));
      }
    }
    return all;
  }

  private static String survivor(String phase, int i) {
    return "K-SURV-" + phase + "-" + i;
  }
}
