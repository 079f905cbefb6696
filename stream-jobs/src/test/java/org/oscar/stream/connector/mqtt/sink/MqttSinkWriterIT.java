package org.oscar.stream.connector.mqtt.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.oscar.stream.connector.mqtt.MqttConnection;
import org.oscar.testkit.MosquittoProcess;

/**
 * The downlink writer on a real Mosquitto: many messages in flight at once, all on the broker once
 * a flush returns; a broker killed with messages in flight fails the next write or flush instead of
 * losing them silently or waiting for good.
 */
class MqttSinkWriterIT {
  private static final int MESSAGES = 20_000;

  private static MqttSinkWriter writer(String url) {
    return new MqttSinkWriter(
        new MqttConnection(url, null, null),
        "sink-it-" + UUID.randomUUID(),
        UnregisteredMetricsGroup.createSinkWriterMetricGroup());
  }

  private static OutboundMessage task(int n) {
    return new OutboundMessage(
        "oscar/v1/unit/U-" + (n % 50) + "/task",
        ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8),
        1,
        false);
  }

  @Test
  void everyMessageWrittenIsOnTheBrokerOnceFlushReturns() throws Exception {
    try (MosquittoProcess mosquitto = new MosquittoProcess()) {
      mosquitto.start();
      AtomicInteger received = new AtomicInteger();
      MqttClient subscriber =
          new MqttClient(mosquitto.url(), "sub-" + UUID.randomUUID(), new MemoryPersistence());
      MqttConnectOptions options = new MqttConnectOptions();
      options.setMaxInflight(1_000);
      subscriber.connect(options);
      subscriber.subscribe("oscar/v1/unit/+/task", 1, (t, m) -> received.incrementAndGet());
      MqttSinkWriter writer = writer(mosquitto.url());
      try {
        long start = System.nanoTime();
        for (int i = 0; i < MESSAGES; i++) {
          writer.write(task(i), null);
        }
        writer.flush(false);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
            "downlink: %d QoS 1 messages acknowledged in %.2f s (%.0f/s, %d in flight at most)%n",
            MESSAGES, seconds, MESSAGES / seconds, MqttSinkWriter.MAX_IN_FLIGHT);
        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(received.get()).isEqualTo(MESSAGES));
      } finally {
        writer.close();
        subscriber.disconnect();
      }
    }
  }

  @Test
  void aBrokerKilledWithMessagesInFlightFailsTheNextWriteOrFlush() throws Exception {
    try (MosquittoProcess mosquitto = new MosquittoProcess()) {
      mosquitto.start();
      MqttSinkWriter writer = writer(mosquitto.url());
      try {
        writer.write(task(0), null);
        writer.flush(false);
        for (int i = 1; i < 200; i++) {
          writer.write(task(i), null);
        }
        mosquitto.kill();

        assertThatThrownBy(
                () -> {
                  for (int i = 200; i < 100_000; i++) {
                    writer.write(task(i), null);
                  }
                  writer.flush(false);
                })
            .isInstanceOf(IOException.class);
      } finally {
        writer.close();
      }
    }
  }
}
