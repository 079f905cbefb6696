package org.oscar.stream.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.oscar.contract.live.LiveKeys;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.contract.wire.NoticeState;
import org.oscar.stream.directory.DeviceDirectory;
import org.oscar.stream.directory.DeviceEntry;
import org.oscar.stream.directory.DirectorySource;
import org.oscar.stream.region.TestRegions;
import org.oscar.testkit.RedisProcess;

/**
 * Outages of what the pipeline hands off to, during a run, ridden out without a job restart: Redis
 * killed (SIGKILL) and restarted from its append-only file, the alert API stopped and restarted.
 * Afterwards every press is exactly one incident in live state, and every official was alerted
 * exactly once per level.
 */
class OutagesITCase {
  private static final int SURVIVORS = 8;
  private static final double LAT = 20.265367;
  private static final double LON = 85.828033;

  @RegisterExtension static final MiniClusterExtension FLINK = LocalStack.miniCluster();

  private static LocalStack stack;
  private static JobClient job;
  private static MqttTestClient mqtt;
  private static Devices devices;

  @BeforeAll
  static void start(@InjectMiniCluster MiniCluster flink) throws Exception {
    stack = new LocalStack(RedisProcess.persistent());
    Map<String, DeviceEntry> entries = new HashMap<>();
    for (String test : List.of("redis", "api", "broker")) {
      for (int i = 0; i < SURVIVORS; i++) {
        entries.put(
            unit(test, "PCR", i), new DeviceEntry(unit(test, "PCR", i), DeviceKind.POLICE, test));
        entries.put(
            unit(test, "AMB", i),
            new DeviceEntry(unit(test, "AMB", i), DeviceKind.AMBULANCE, test));
        entries.put(survivor(test, i), new DeviceEntry(survivor(test, i), DeviceKind.PANIC, test));
      }
    }
    OscarJob oscar =
        stack.job(
            "it-outages",
            DirectorySource.fixed(new DeviceDirectory(entries)),
            TestRegions.khordhaAs("redis", "api", "broker"));
    StreamExecutionEnvironment env = LocalStack.environment(flink);
    env.enableCheckpointing(1_000);
    oscar.build(env);
    job = env.executeAsync("oscar-outages-it");
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
  void pressesDuringARedisOutageReachLiveStateOnceItIsBack() throws Exception {
    ready("redis");

    stack.redis.kill();
    for (int i = 0; i < SURVIVORS; i++) {
      devices.press(survivor("redis", i), LAT + i * 0.0005, LON, false);
    }
    // Dispatch does not wait for live state: every survivor is told help is coming.
    await().atMost(Duration.ofSeconds(30)).until(() -> helpComing("redis") == SURVIVORS);
    stack.redis.start();

    assertEveryPressIsOneIncidentAlertedOnce("redis");
    assertTheJobNeverRestarted();
  }

  @Test
  void anAlertApiRestartMidRunAlertsNoOfficialTwice() throws Exception {
    ready("api");

    stack.stopApi();
    for (int i = 0; i < SURVIVORS; i++) {
      devices.press(survivor("api", i), LAT + i * 0.0005, LON, false);
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> helpComing("api") == SURVIVORS);
    Thread.sleep(2_000); // the alert sink is retrying against the stopped API meanwhile
    stack.startApi();

    assertEveryPressIsOneIncidentAlertedOnce("api");
    assertTheJobNeverRestarted();
  }

  @Test
  void afterABrokerCrashThePipelineReconnectsAndDispatchesAgain() throws Exception {
    ready("broker");

    stack.mosquitto.kill();
    stack.mosquitto.start();
    // The test's own client lost its subscriptions with the broker's memory: a new one.
    mqtt.close();
    mqtt = new MqttTestClient(stack.mosquitto.url());
    mqtt.subscribe("oscar/v1/dev/+/notice");
    devices = new Devices(mqtt);
    // The broker lost the pipeline's sessions: what is published before the pipeline has
    // subscribed again goes nowhere (see docs/guarantees.md). Each lane has its own session and
    // reconnects on its own, so wait until a fresh report has got through on both: a status on
    // the ordered lane (the one presses travel), a position on the shared one.
    long restarted = System.currentTimeMillis();
    String probe = unit("broker", "PCR", 0);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptionsInstanceOf(redis.clients.jedis.exceptions.JedisException.class)
        .until(
            () -> {
              devices.unitStatus(probe, "AVAILABLE");
              devices.unitAt(probe, LAT + 0.01, LON);
              return heardSince(probe, "statusAt", restarted)
                  && heardSince(probe, "positionAt", restarted);
            });
    for (int i = 0; i < SURVIVORS; i++) {
      devices.press(survivor("broker", i), LAT + i * 0.0005, LON, false);
    }

    await().atMost(Duration.ofSeconds(60)).until(() -> helpComing("broker") == SURVIVORS);
    assertEveryPressIsOneIncidentAlertedOnce("broker");
    assertTheJobNeverRestarted();
  }

  private static void assertEveryPressIsOneIncidentAlertedOnce(String region) {
    await()
        .atMost(Duration.ofSeconds(60))
        // The test's own Redis connections break when Redis is killed; they reconnect.
        .ignoreExceptionsInstanceOf(redis.clients.jedis.exceptions.JedisException.class)
        .untilAsserted(
            () -> {
              assertThat(stack.redisClient.smembers(LiveKeys.openIncidents(region)))
                  .hasSize(SURVIVORS);
              for (String id : stack.redisClient.smembers(LiveKeys.openIncidents(region))) {
                var r = stack.getIncident(id);
                assertThat(r.statusCode()).isEqualTo(200);
                List<String> posts =
                    new JsonObject(r.body())
                        .getJsonArray("notifications").stream()
                            .map(
                                n ->
                                    ((JsonObject) n).getString("level")
                                        + " "
                                        + ((JsonObject) n).getString("officialId"))
                            .toList();
                // Each opening post once. On a slow run the call's 60 s without an operator may
                // also have reached the shift supervisor (UNTAKEN): right, and not what is tested.
                assertThat(posts.stream().filter(p -> p.startsWith("OPENED ")))
                    .containsExactlyInAnyOrder(
                        "OPENED SHO:Capital Police Station", "OPENED OSC_ADMIN:OSC-KHORDHA");
                assertThat(posts).doesNotHaveDuplicates();
              }
            });
    System.out.printf(
        "%s outage: %d presses, %d incidents, each alerted once per official%n",
        region, SURVIVORS, stack.redisClient.smembers(LiveKeys.openIncidents(region)).size());
  }

  /**
   * An outage of what the pipeline hands off to is ridden out inside the job: a restart would roll
   * it back to its last checkpoint and forget what it did with messages a crashed broker no longer
   * holds.
   */
  private static void assertTheJobNeverRestarted() throws Exception {
    assertThat(LocalStack.flinkMetrics())
        .containsPattern("numRestarts\\{[^}]*job_name=\"oscar_outages_it\"[^}]*\\} 0\\.0");
  }

  private static boolean heardSince(String unit, String field, long since) {
    String at = stack.redisClient.hget(LiveKeys.unit(unit), field);
    return at != null && Long.parseLong(at) > since;
  }

  private static long helpComing(String region) {
    long n = 0;
    for (int i = 0; i < SURVIVORS; i++) {
      if (devices.notices(survivor(region, i)).stream()
          .anyMatch(x -> x.state() == NoticeState.HELP_COMING)) {
        n++;
      }
    }
    return n;
  }

  /** Announces the region's units until live state shows them all. */
  private static void ready(String region) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              for (int i = 0; i < SURVIVORS; i++) {
                for (String kind : List.of("PCR", "AMB")) {
                  devices.unitStatus(unit(region, kind, i), "AVAILABLE");
                  devices.unitAt(unit(region, kind, i), LAT + 0.01 + i * 0.001, LON);
                }
              }
              assertThat(stack.redisClient.smembers(LiveKeys.regionUnits(region)))
                  .hasSize(2 * SURVIVORS);
            });
  }

  private static String unit(String region, String kind, int i) {
    return region + "-" + kind + "-" + i;
  }

  private static String survivor(String region, int i) {
    return region + "-SURV-" + i;
  }
}
