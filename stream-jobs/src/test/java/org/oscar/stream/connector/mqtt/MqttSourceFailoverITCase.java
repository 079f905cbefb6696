package org.oscar.stream.connector.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.oscar.stream.connector.mqtt.source.MqttSource;
import org.oscar.stream.event.MqttRecord;
import org.oscar.testkit.MosquittoProcess;

/**
 * The MQTT source loses nothing when the job fails: messages taken off the broker but not yet held
 * by a completed checkpoint are delivered again to the restarted job. A task fails once, midway
 * through a stream of QoS 1 messages; afterwards every message has been seen.
 */
class MqttSourceFailoverITCase {
  private static final int MESSAGES = 300;
  private static final Set<Integer> SEEN = ConcurrentHashMap.newKeySet();
  private static final AtomicInteger PROCESSED = new AtomicInteger();
  private static final AtomicBoolean FAILED = new AtomicBoolean();

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(1)
              .build());

  @Test
  void everyMessageArrivesAfterATaskFailure() throws Exception {
    try (MosquittoProcess mosquitto = new MosquittoProcess()) {
      mosquitto.start();
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.enableCheckpointing(300);
      env.fromSource(
              new MqttSource(
                  new MqttConnection(mosquitto.url(), null, null), "failover-it", List.of("it/#")),
              WatermarkStrategy.noWatermarks(),
              "mqtt")
          .uid("mqtt")
          .map(new FailOnceMidway())
          .sinkTo(new NumberedMessages.CollectingSink(MqttSourceFailoverITCase::seen));
      JobClient job = env.executeAsync("mqtt-failover-it");
      MqttClient publisher =
          new MqttClient(mosquitto.url(), "pub-" + UUID.randomUUID(), new MemoryPersistence());
      publisher.connect(new MqttConnectOptions());
      try {
        // Wait until the source's session exists, then publish at a steady pace.
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> {
                  NumberedMessages.publish(publisher, 0);
                  return SEEN.contains(0);
                });
        for (int i = 1; i <= MESSAGES; i++) {
          NumberedMessages.publish(publisher, i);
          Thread.sleep(10);
        }

        await()
            .atMost(Duration.ofSeconds(90))
            .untilAsserted(() -> assertThat(SEEN).hasSize(MESSAGES + 1));
        assertThat(FAILED).isTrue();
        System.out.printf(
            "failover: %d distinct messages seen, %d processed (replays included)%n",
            SEEN.size(), PROCESSED.get());
      } finally {
        publisher.disconnect();
        job.cancel().get();
      }
    }
  }

  /** Throws once, after half the messages (checkpoints run every 300 ms meanwhile). */
  private static final class FailOnceMidway implements MapFunction<MqttRecord, Integer> {
    @Override
    public Integer map(MqttRecord r) {
      int n = Integer.parseInt(new String(r.payload(), StandardCharsets.UTF_8));
      if (PROCESSED.incrementAndGet() > MESSAGES / 2 && FAILED.compareAndSet(false, true)) {
        throw new IllegalStateException("injected task failure at message " + n);
      }
      return n;
    }
  }

  private static void seen(int n) {
    SEEN.add(n);
  }
}
