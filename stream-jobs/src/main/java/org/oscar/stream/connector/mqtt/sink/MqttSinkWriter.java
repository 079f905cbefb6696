package org.oscar.stream.connector.mqtt.sink;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.oscar.stream.connector.mqtt.MqttConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes without waiting for each acknowledgement: up to {@link #MAX_IN_FLIGHT} messages are on
 * their way at once, the writer blocking only when that many are unacknowledged. A publish that
 * fails (the broker gone with messages in flight) is not retried here: the failure is kept and
 * thrown by the next write or flush, as Kafka's writer does, so the task fails and Flink restarts
 * it from the last checkpoint, whose replay publishes again what was not acknowledged. {@link
 * #flush} (before every checkpoint barrier) waits until everything written is acknowledged, for at
 * most {@link #FLUSH_TIMEOUT_MS}: a checkpoint completes only with every message before it on the
 * broker, and never waits unboundedly. A broker briefly away when a message is written is waited
 * for up to {@link #CONNECT_PATIENCE_MS}, then the task fails the same way.
 */
final class MqttSinkWriter implements SinkWriter<OutboundMessage> {
  private static final Logger LOG = LoggerFactory.getLogger(MqttSinkWriter.class);
  static final int MAX_IN_FLIGHT = 500;
  static final long FLUSH_TIMEOUT_MS = 30_000;
  static final long CONNECT_PATIENCE_MS = 15_000;
  private static final long CONNECT_TIMEOUT_MS = 5_000;

  private final MqttConnection connection;
  private final String clientId;
  private final Semaphore window = new Semaphore(MAX_IN_FLIGHT);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final Counter sent;
  private final Counter retries;
  private final IMqttActionListener acknowledged;
  private MqttAsyncClient client;

  MqttSinkWriter(MqttConnection connection, String clientId, SinkWriterMetricGroup metrics) {
    this.connection = connection;
    this.clientId = clientId;
    this.sent = metrics.getNumRecordsSendCounter();
    this.retries = metrics.counter("mqttPublishRetries");
    metrics.gauge("mqttInFlight", () -> MAX_IN_FLIGHT - window.availablePermits());
    this.acknowledged =
        new IMqttActionListener() {
          @Override
          public void onSuccess(IMqttToken token) {
            sent.inc();
            window.release();
          }

          @Override
          public void onFailure(IMqttToken token, Throwable e) {
            failure.compareAndSet(null, e);
            window.release();
          }
        };
  }

  @Override
  public void write(OutboundMessage message, Context context)
      throws IOException, InterruptedException {
    throwIfFailed();
    while (!window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
      throwIfFailed();
    }
    MqttMessage m = new MqttMessage(message.payload());
    m.setQos(message.qos());
    m.setRetained(message.retained());
    try {
      connected().publish(message.topic(), m, null, acknowledged);
    } catch (MqttException e) {
      window.release();
      throw new IOException("MQTT publish to " + message.topic() + " failed", e);
    }
  }

  private void throwIfFailed() throws IOException {
    Throwable e = failure.get();
    if (e != null) {
      throw new IOException("an earlier MQTT publish was not acknowledged", e);
    }
  }

  private MqttAsyncClient connected() throws IOException, InterruptedException {
    if (client != null && client.isConnected()) {
      return client;
    }
    long giveUpAt = System.currentTimeMillis() + CONNECT_PATIENCE_MS;
    long backoff = 50;
    while (true) {
      try {
        if (client == null) {
          client = new MqttAsyncClient(connection.brokerUrl(), clientId, new MemoryPersistence());
        }
        client.connect(connection.options(true)).waitForCompletion(CONNECT_TIMEOUT_MS);
        return client;
      } catch (MqttException e) {
        retries.inc();
        // A client whose connect failed can stay stuck "connecting": start from a fresh one.
        discard();
        if (System.currentTimeMillis() + backoff > giveUpAt) {
          throw new IOException("MQTT broker unreachable for " + CONNECT_PATIENCE_MS + " ms", e);
        }
        LOG.warn("MQTT downlink cannot connect ({}), retrying in {} ms", e.getMessage(), backoff);
        Thread.sleep(backoff);
        backoff = Math.min(2_000, backoff * 2);
      }
    }
  }

  private void discard() {
    if (client == null) {
      return;
    }
    try {
      client.disconnectForcibly(0, 0);
    } catch (MqttException e) {
      LOG.debug("MQTT sink: forced disconnect: {}", e.getMessage());
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      LOG.debug("MQTT sink: close: {}", e.getMessage());
    }
    client = null;
  }

  /** Waits until every message written is acknowledged (bounded), or throws why it was not. */
  @Override
  public void flush(boolean endOfInput) throws IOException, InterruptedException {
    if (!window.tryAcquire(MAX_IN_FLIGHT, FLUSH_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
      throwIfFailed();
      throw new IOException(
          (MAX_IN_FLIGHT - window.availablePermits())
              + " MQTT messages unacknowledged after "
              + FLUSH_TIMEOUT_MS
              + " ms");
    }
    window.release(MAX_IN_FLIGHT);
    throwIfFailed();
  }

  @Override
  public void close() throws Exception {
    if (client == null) {
      return;
    }
    try {
      if (client.isConnected()) {
        client.disconnect(1_000).waitForCompletion(2_000);
      }
    } catch (MqttException e) {
      LOG.debug("MQTT sink: disconnect: {}", e.getMessage());
    } finally {
      client.close(true);
    }
  }
}
