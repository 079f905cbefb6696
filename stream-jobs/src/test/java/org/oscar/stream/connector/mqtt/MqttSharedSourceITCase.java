package org.oscar.stream.connector.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.oscar.stream.connector.mqtt.source.MqttSource;
import org.oscar.stream.event.MqttRecord;
import org.oscar.testkit.MosquittoProcess;

/**
 * Two readers share one broker's messages (a shared subscription, a persistent session each), one
 * per TaskManager. The TaskManager of one is terminated midway through a stream of QoS 1 messages
 * and another started: afterwards every message has been seen, and both readers took a share.
 * Before the job starts, a session of an earlier, larger reader count is left subscribed in the
 * share group; the source clears it, or it would keep a share of the messages queued for nobody.
 */
class MqttSharedSourceITCase {
  private static final int MESSAGES = 600;
  private static final String CLIENT_ID = "shared-it";
  private static final Set<Integer> SEEN = ConcurrentHashMap.newKeySet();
  private static final Map<Integer, AtomicInteger> BY_READER = new ConcurrentHashMap<>();

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setConfiguration(
                  Configuration.fromMap(
                      Map.of("heartbeat.interval", "1000", "heartbeat.timeout", "5000")))
              .setNumberTaskManagers(2)
              .setNumberSlotsPerTaskManager(1)
              .build());

  @Test
  void aReadersTaskManagerKilledMidStreamLosesNothingAndAStaleSessionTakesNoShare(
      @InjectMiniCluster MiniCluster flink) throws Exception {
    try (MosquittoProcess mosquitto = new MosquittoProcess()) {
      mosquitto.start();
      leaveAStaleSessionInTheShareGroup(mosquitto.url());
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(2);
      env.enableCheckpointing(300);
      env.fromSource(
              new MqttSource(
                  new MqttConnection(mosquitto.url(), null, null),
                  List.of(mosquitto.url()),
                  2,
                  CLIENT_ID,
                  List.of(),
                  List.of("it/#")),
              WatermarkStrategy.noWatermarks(),
              "mqtt")
          .uid("mqtt")
          .map(new ByReader())
          .sinkTo(new NumberedMessages.CollectingSink(MqttSharedSourceITCase::seen));
      JobClient job = env.executeAsync("mqtt-shared-it");
      MqttClient publisher =
          new MqttClient(mosquitto.url(), "pub-" + UUID.randomUUID(), new MemoryPersistence());
      publisher.connect(new MqttConnectOptions());
      try {
        // Both readers' sessions exist once each has taken a message.
        int n = 0;
        while (BY_READER.size() < 2) {
          NumberedMessages.publish(publisher, MESSAGES + 1 + n++);
          Thread.sleep(20);
          assertThat(n).as("both readers subscribed within 60 s").isLessThan(3_000);
        }
        for (int i = 0; i < MESSAGES; i++) {
          if (i == MESSAGES / 2) {
            flink.terminateTaskManager(0).get(30, TimeUnit.SECONDS);
            flink.startTaskManager();
          }
          NumberedMessages.publish(publisher, i);
          Thread.sleep(10);
        }

        await()
            .atMost(Duration.ofSeconds(120))
            .untilAsserted(
                () ->
                    assertThat(SEEN)
                        .as("messages 0..%d seen", MESSAGES - 1)
                        .containsAll(
                            java.util.stream.IntStream.range(0, MESSAGES).boxed().toList()));
        System.out.printf("shared source: messages taken per reader %s%n", BY_READER);
        assertThat(BY_READER.values()).allSatisfy(c -> assertThat(c.get()).isPositive());
        assertThat(sessionPresent(mosquitto.url(), CLIENT_ID + "-r2"))
            .as("the stale session was cleared")
            .isFalse();
      } finally {
        publisher.disconnect();
        job.cancel().get();
      }
    }
  }

  /** A session of reader 2 of an earlier run with three readers: subscribed, then gone. */
  private static void leaveAStaleSessionInTheShareGroup(String url) throws Exception {
    MqttClient stale = new MqttClient(url, CLIENT_ID + "-r2", new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(false);
    stale.connect(options);
    stale.subscribe("$share/" + CLIENT_ID + "/it/#", 1);
    stale.disconnect();
    stale.close();
  }

  private static boolean sessionPresent(String url, String clientId) throws Exception {
    MqttAsyncClient probe = new MqttAsyncClient(url, clientId, new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(false);
    try {
      IMqttToken connected = probe.connect(options);
      connected.waitForCompletion(10_000);
      return connected.getSessionPresent();
    } finally {
      probe.disconnect(0).waitForCompletion(5_000);
      probe.close(true);
    }
  }

  private static final class ByReader extends RichMapFunction<MqttRecord, Integer> {
    @Override
    public Integer map(MqttRecord r) {
      BY_READER
          .computeIfAbsent(
              getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(), k -> new AtomicInteger())
          .incrementAndGet();
      return Integer.parseInt(new String(r.payload(), StandardCharsets.UTF_8));
    }
  }

  private static void seen(int n) {
    SEEN.add(n);
  }
}
