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
  /** Least time between two reconnection attempts while the broker is away. */
  private static final long RECONNECT_EVERY_MS = 1_000;

  private final String brokerUrl;
  private final DeviceClass deviceClass;
  private final String deviceId;
  private final String secret;
  private MqttClient client;
  private String downlinkLeaf;
  private IMqttMessageListener onDownlink;
  private long lastAttempt;

  /** {@code secret} null: connect without a password (a broker without authentication). */
  DeviceConnection(String brokerUrl, DeviceClass deviceClass, String deviceId, String secret) {
    this.brokerUrl = brokerUrl;
    this.deviceClass = deviceClass;
    this.deviceId = deviceId;
    this.secret = secret;
  }

  synchronized void connect(String downlinkLeaf, IMqttMessageListener onDownlink)
      throws MqttException {
    this.downlinkLeaf = downlinkLeaf;
    this.onDownlink = onDownlink;
    lastAttempt = System.currentTimeMillis();
    // A fresh client per attempt: Paho's own automatic reconnect was seen stuck "connecting"
    // after a broker crash (docs/guarantees.md), so it is not used anywhere in OSCAR.
    MqttClient fresh = new MqttClient(brokerUrl, "sim-" + deviceId, new MemoryPersistence());
    MqttConnectOptions o = new MqttConnectOptions();
    o.setCleanSession(true);
    o.setConnectionTimeout(5);
    o.setUserName(deviceId);
    if (secret != null) {
      o.setPassword(secret.toCharArray());
    }
    o.setWill(topic(Topics.ONLINE), bytes("{\"online\":false}"), 1, true);
    try {
      fresh.connect(o);
      fresh.subscribe(topic(downlinkLeaf), 1, onDownlink);
    } catch (MqttException e) {
      fresh.close(true);
      throw e;
    }
    discard();
    client = fresh;
    publish(Topics.ONLINE, "{\"online\":true}", true);
  }

  /** Reconnects if the broker went away (at most one attempt a second), so downlinks resume. */
  synchronized void keepConnected() {
    if ((client == null || !client.isConnected()) && reconnectDue()) {
      try {
        connect(downlinkLeaf, onDownlink);
      } catch (MqttException e) {
        // still away; tried again on the next call
      }
    }
  }

  private boolean reconnectDue() {
    return onDownlink != null && System.currentTimeMillis() - lastAttempt >= RECONNECT_EVERY_MS;
  }

  /**
   * Publishes under the device's own prefix. While the broker is away the message is skipped (a
   * real device would queue it) and a reconnection is tried at most once a second.
   */
  synchronized void publish(String leaf, String json, boolean retained) throws MqttException {
    keepConnected();
    if (client == null || !client.isConnected()) {
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

  private void discard() throws MqttException {
    if (client != null) {
      if (client.isConnected()) {
        client.disconnectForcibly(0, 1000, false);
      }
      client.close(true);
      client = null;
    }
  }

  @Override
  public synchronized void close() throws MqttException {
    if (client != null && client.isConnected()) {
      client.disconnect();
    }
    if (client != null) {
      client.close();
      client = null;
    }
  }
}
