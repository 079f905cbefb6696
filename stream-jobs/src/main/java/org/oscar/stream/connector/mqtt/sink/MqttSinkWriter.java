package org.oscar.stream.connector.mqtt.sink;

import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.oscar.stream.connector.mqtt.MqttConnection;
import org.oscar.stream.event.OutboundMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

final class MqttSinkWriter implements SinkWriter<OutboundMessage> {
  private static final Logger LOG = LoggerFactory.getLogger(MqttSinkWriter.class);
  private static final long MAX_BACKOFF_MS = 2_000;

  private final MqttConnection connection;
  private final String clientId;
  private MqttClient client;
  private final Counter sent;
  private final Counter retries;

  MqttSinkWriter(MqttConnection connection, String clientId, SinkWriterMetricGroup metrics) {
    this.connection = connection;
    this.clientId = clientId;
    this.sent = metrics.getNumRecordsSendCounter();
    this.retries = metrics.counter("mqttPublishRetries");
  }

  @Override
  public void write(OutboundMessage message, Context context) throws InterruptedException {
    MqttMessage m = new MqttMessage(message.payload());
    m.setQos(message.qos());
    m.setRetained(message.retained());
    long backoff = 50;
    while (true) {
      try {
        connected().publish(message.topic(), m);
        sent.inc();
        return;
      } catch (MqttException e) {
        retries.inc();
        LOG.warn("MQTT publish failed ({}), retrying in {} ms", e.getMessage(), backoff);
        if (client != null && !client.isConnected()) {
          // A client whose connect failed can stay stuck "connecting": start from a fresh one.
          discard();
        }
        Thread.sleep(backoff);
        backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
      }
    }
  }

  private MqttClient connected() throws MqttException {
    if (client == null) {
      client = new MqttClient(connection.brokerUrl(), clientId, new MemoryPersistence());
      client.setTimeToWait(10_000);
    }
    if (!client.isConnected()) {
      client.connect(connection.options(true));
    }
    return client;
  }

  private void discard() {
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

  @Override
  public void flush(boolean endOfInput) {
    // Every write waits for the broker's acknowledgement, so nothing is pending here.
  }

  @Override
  public void close() throws Exception {
    if (client == null) {
      return;
    }
    try {
      if (client.isConnected()) {
        client.disconnect(1_000);
      }
    } finally {
      client.close(true);
    }
  }
}
