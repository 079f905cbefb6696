package org.oscar.gateway.sim;

import java.nio.charset.StandardCharsets;
import org.eclipse.paho.client.mqttv3.IMqttMessageListener;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.oscar.contract.wire.DeviceClass;
import org.oscar.contract.wire.Topics;

/**
 * One simulated device's MQTT session, as the contract asks: username = device id, a last will of
 * {@code {"online":false}} on its {@code online} topic, then {@code {"online":true}} retained.
 * Publishes are QoS 1 under the device's own prefix.
 */
final class DeviceConnection implements AutoCloseable {
  private final DeviceClass deviceClass;
  private final String deviceId;
  private final MqttClient client;
  private final String secret;

  /** {@code secret} null: connect without a password (a broker without authentication). */
  DeviceConnection(String brokerUrl, DeviceClass deviceClass, String deviceId, String secret)
      throws MqttException {
    this.deviceClass = deviceClass;
    this.deviceId = deviceId;
    this.secret = secret;
    this.client = new MqttClient(brokerUrl, "sim-" + deviceId, new MemoryPersistence());
  }

  void connect(String downlinkLeaf, IMqttMessageListener onDownlink) throws MqttException {
    MqttConnectOptions o = new MqttConnectOptions();
    o.setCleanSession(true);
    o.setAutomaticReconnect(true);
    o.setUserName(deviceId);
    if (secret != null) {
      o.setPassword(secret.toCharArray());
    }
    o.setWill(topic(Topics.ONLINE), bytes("{\"online\":false}"), 1, true);
    client.connect(o);
    client.subscribe(topic(downlinkLeaf), 1, onDownlink);
    publish(Topics.ONLINE, "{\"online\":true}", true);
  }

  /** Publishes under the device's own prefix; skipped while the broker is away. */
  void publish(String leaf, String json, boolean retained) throws MqttException {
    if (!client.isConnected()) {
      return;
    }
    MqttMessage m = new MqttMessage(bytes(json));
    m.setQos(1);
    m.setRetained(retained);
    client.publish(topic(leaf), m);
  }

  private String topic(String leaf) {
    return Topics.of(deviceClass, deviceId, leaf);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect();
    }
    client.close();
  }
}
