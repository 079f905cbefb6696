package org.oscar.stream.connector.mqtt.source.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oscar.stream.connector.mqtt.MqttConnection;
import org.oscar.stream.connector.mqtt.source.split.MqttSplit;
import org.oscar.stream.event.MqttRecord;
import org.oscar.testkit.MosquittoProcess;

/**
 * The reader against a real Mosquitto that crashes between taking a message and the checkpoint that
 * would acknowledge it. The crashed broker forgot the message; acknowledging it must not throw,
 * since a throw fails the job and rolls it back to the last checkpoint.
 */
class MqttSourceReaderIT {
  private MosquittoProcess mosquitto;
  private MqttSourceReader reader;
  private final Collected out = new Collected();

  @BeforeEach
  void start() {
    mosquitto = new MosquittoProcess();
    mosquitto.start();
    reader =
        new MqttSourceReader(
            new MqttConnection(mosquitto.url(), null, null),
            100,
            UnregisteredMetricsGroup.createSourceReaderMetricGroup());
    reader.addSplits(
        List.of(new MqttSplit("s0", 0, mosquitto.url(), "reader-it", List.of("it/#"), true)));
  }

  @AfterEach
  void stop() throws Exception {
    reader.close();
    mosquitto.close();
  }

  @Test
  void aCheckpointCompletedAfterTheBrokerCrashedNeitherThrowsNorStopsTheReader() throws Exception {
    receiveOnce("before");
    reader.snapshotState(1);

    mosquitto.kill();
    mosquitto.start();
    // Once a message published after the restart arrives, the reader has discarded the client
    // that took "before" and connected a new one.
    receiveOnce("after");

    assertThatCode(() -> reader.notifyCheckpointComplete(1)).doesNotThrowAnyException();
    reader.snapshotState(2);
    assertThatCode(() -> reader.notifyCheckpointComplete(2)).doesNotThrowAnyException();
    receiveOnce("still heard");
  }

  /** Publishes until the reader has emitted the payload (the subscription may not be up yet). */
  private void receiveOnce(String payload) throws Exception {
    MqttClient publisher =
        new MqttClient(mosquitto.url(), "pub-" + UUID.randomUUID(), new MemoryPersistence());
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(
            () -> {
              if (!publisher.isConnected()) {
                publisher.connect(new MqttConnectOptions());
              }
              publisher.publish("it/x", payload.getBytes(StandardCharsets.UTF_8), 1, false);
              for (int i = 0; i < 20; i++) {
                reader.pollNext(out);
                Thread.sleep(10);
              }
              return out.payloads().contains(payload);
            });
    publisher.disconnect();
    publisher.close();
    assertThat(out.payloads()).contains(payload);
  }

  private static final class Collected implements ReaderOutput<MqttRecord> {
    private final List<MqttRecord> records = new ArrayList<>();

    List<String> payloads() {
      return records.stream().map(r -> new String(r.payload(), StandardCharsets.UTF_8)).toList();
    }

    @Override
    public void collect(MqttRecord record) {
      records.add(record);
    }

    @Override
    public void collect(MqttRecord record, long timestamp) {
      records.add(record);
    }

    @Override
    public void emitWatermark(Watermark watermark) {}

    @Override
    public void markIdle() {}

    @Override
    public void markActive() {}

    @Override
    public SourceOutput<MqttRecord> createOutputForSplit(String splitId) {
      return this;
    }

    @Override
    public void releaseOutputForSplit(String splitId) {}
  }
}
