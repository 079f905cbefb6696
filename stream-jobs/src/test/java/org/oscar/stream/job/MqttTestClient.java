package org.oscar.stream.job;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A real MQTT client for tests: publishes as devices and records what arrives on its filters. */
final class MqttTestClient implements AutoCloseable {
  record Received(String topic, String payload) {}

  private final MqttClient client;
  private final List<Received> received = new CopyOnWriteArrayList<>();

  MqttTestClient(String brokerUrl) throws MqttException {
    client = new MqttClient(brokerUrl, "test-" + UUID.randomUUID(), new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setAutomaticReconnect(true);
    options.setMaxInflight(1_000);
    client.connect(options);
  }

  MqttTestClient subscribe(String... filters) throws MqttException {
    for (String f : filters) {
      client.subscribe(
          f,
          1,
          (topic, m) ->
              received.add(
                  new Received(topic, new String(m.getPayload(), StandardCharsets.UTF_8))));
    }
    return this;
  }

  void publish(String topic, String json) throws MqttException {
    MqttMessage m = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
    m.setQos(1);
    client.publish(topic, m);
  }

  List<Received> receivedOn(String topic) {
    return received.stream().filter(r -> r.topic().equals(topic)).toList();
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect();
    }
    client.close();
  }
}
