package org.oscar.stream.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.oscar.contract.live.LiveKeys;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.stream.directory.DeviceDirectory;
import org.oscar.stream.directory.DeviceEntry;
import org.oscar.stream.directory.DirectorySource;
import org.oscar.stream.region.TestRegions;

/**
 * One device floods the broker with position reports as fast as it can while others press: every
 * press is still answered, and the flooder is refused past its budget. The latency from a press to
 * her device's first notice is measured with and without the flood and printed — a figure to read
 * (docs/guarantees.md), not a timing this test asserts.
 */
class FloodITCase {
  private static final String REGION = "flood";
  private static final int PRESSES = 20;
  private static final double LAT = 20.265367;
  private static final double LON = 85.828033;

  @RegisterExtension static final MiniClusterExtension FLINK = LocalStack.miniCluster();

  private static LocalStack stack;
  private static JobClient job;
  private static MqttClient survivors;
  private static final Map<String, Long> answeredAt = new ConcurrentHashMap<>();

  @BeforeAll
  static void start(@InjectMiniCluster MiniCluster flink) throws Exception {
    stack = new LocalStack();
    Map<String, DeviceEntry> entries = new HashMap<>();
    entries.put("F-FLOOD", new DeviceEntry("F-FLOOD", DeviceKind.POLICE, REGION));
    for (String phase : List.of("calm", "flood")) {
      for (int i = 0; i < PRESSES; i++) {
        entries.put(
            survivor(phase, i), new DeviceEntry(survivor(phase, i), DeviceKind.PANIC, REGION));
      }
    }
    OscarJob oscar =
        stack.job(
            "it-flood",
            DirectorySource.fixed(new DeviceDirectory(entries)),
            TestRegions.khordhaAs(REGION));
    StreamExecutionEnvironment env = LocalStack.environment(flink);
    env.enableCheckpointing(1_000);
    oscar.build(env);
    job = env.executeAsync("oscar-flood-it");
    survivors = client("survivors");
    survivors.subscribe(
        "oscar/v1/dev/+/notice",
        1,
        (topic, m) -> answeredAt.putIfAbsent(topic.split("/")[3], System.nanoTime()));
  }

  @AfterAll
  static void stop() throws Exception {
    job.cancel().get();
    survivors.disconnect();
    stack.close();
  }

  @Test
  void aFloodingDeviceDoesNotStopAnotherDevicesPressFromBeingAnswered() throws Exception {
    // Until the pipeline has subscribed, what is published goes nowhere: wait for it to listen.
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              survivors.publish(
                  "oscar/v1/unit/F-FLOOD/status",
                  ("{\"seq\":"
                          + System.nanoTime()
                          + ",\"ts\":"
                          + System.currentTimeMillis()
                          + ",\"status\":\"AVAILABLE\"}")
                      .getBytes(StandardCharsets.UTF_8),
                  1,
                  false);
              return stack.redisClient.hget(LiveKeys.unit("F-FLOOD"), "status") != null;
            });
    List<Long> calm = pressAndMeasure("calm");

    AtomicBoolean flooding = new AtomicBoolean(true);
    AtomicLong flooded = new AtomicLong();
    Thread flooder =
        new Thread(
            () -> {
              try {
                MqttClient c = client("flooder");
                long seq = 0;
                while (flooding.get()) {
                  MqttMessage m =
                      new MqttMessage(
                          ("{\"seq\":"
                                  + (++seq)
                                  + ",\"ts\":"
                                  + System.currentTimeMillis()
                                  + ",\"lat\":20.27,\"lon\":85.83}")
                              .getBytes(StandardCharsets.UTF_8));
                  m.setQos(0);
                  c.publish("oscar/v1/unit/F-FLOOD/pos", m);
                  flooded.incrementAndGet();
                }
                c.disconnect();
              } catch (Exception e) {
                // the flood ends with the test
              }
            });
    long floodStart = System.nanoTime();
    flooder.start();
    Thread.sleep(2_000); // the flood is on before anyone presses
    List<Long> underFlood = pressAndMeasure("flood");
    flooding.set(false);
    flooder.join(5_000);
    double floodSeconds = (System.nanoTime() - floodStart) / 1e9;

    System.out.printf(
        "flood: one device sent %d positions in %.1f s (%.0f/s); press -> first notice for %d"
            + " other devices: calm p50 %d ms, max %d ms; under flood p50 %d ms, max %d ms%n",
        flooded.get(),
        floodSeconds,
        flooded.get() / floodSeconds,
        PRESSES,
        percentile(calm, 50),
        percentile(calm, 100),
        percentile(underFlood, 50),
        percentile(underFlood, 100));
    assertThat(calm).hasSize(PRESSES);
    assertThat(underFlood).hasSize(PRESSES);
    assertThat(flooded.get()).isGreaterThan(1_000);
  }

  /** Each survivor presses in turn; the time until her device's first notice, in ms. */
  private static List<Long> pressAndMeasure(String phase) throws Exception {
    List<Long> latencies = new ArrayList<>();
    for (int i = 0; i < PRESSES; i++) {
      String s = survivor(phase, i);
      long sent = System.nanoTime();
      survivors.publish(
          "oscar/v1/dev/" + s + "/sos",
          ("{\"seq\":1,\"ts\":"
                  + System.currentTimeMillis()
                  + ",\"lat\":"
                  + (LAT + i * 0.0003)
                  + ",\"lon\":"
                  + LON
                  + ",\"injured\":false}")
              .getBytes(StandardCharsets.UTF_8),
          1,
          false);
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(2))
          .until(() -> answeredAt.containsKey(s));
      latencies.add((answeredAt.get(s) - sent) / 1_000_000);
    }
    return latencies;
  }

  private static long percentile(List<Long> values, int p) {
    List<Long> sorted = values.stream().sorted().toList();
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }

  private static MqttClient client(String name) throws Exception {
    MqttClient c =
        new MqttClient(
            stack.mosquitto.url(), name + "-" + UUID.randomUUID(), new MemoryPersistence());
    MqttConnectOptions o = new MqttConnectOptions();
    o.setMaxInflight(1_000);
    c.connect(o);
    return c;
  }

  private static String survivor(String phase, int i) {
    return "F-SURV-" + phase + "-" + i;
  }
}
