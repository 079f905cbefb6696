package org.oscar.contract.mqtt;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Publishes for one of OSCAR's own services (the AIS-140 adapter, the alert API's overrides) with
 * that service's broker credentials: {@link #publish} returns once the broker has acknowledged the
 * message (QoS 1) or throws. After a failure the client is thrown away and a fresh one connects on
 * the next attempt (three attempts, 250 then 500 ms apart), rather than trusting a half-dead
 * session to recover by itself.
 */
public final class MqttPublisher implements AutoCloseable {
  private static final int ATTEMPTS = 3;
  private final String brokerUrl;
  private final String clientId;
  private final String username;
  private final char[] password;
  private MqttClient client;

  public MqttPublisher(String brokerUrl, String clientId, String username, String password) {
    this.brokerUrl = brokerUrl;
    this.clientId = clientId;
    this.username = username;
    this.password = password == null ? null : password.toCharArray();
  }

  public void publish(String topic, byte[] payload, int qos, boolean retained)
      throws MqttException, InterruptedException {
    MqttException last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (attempt > 0) {
        Thread.sleep(250L << (attempt - 1));
      }
      MqttClient c = null;
      try {
        c = connected();
        c.publish(topic, payload, qos, retained);
        return;
      } catch (MqttException e) {
        last = e;
        // Only the client that failed: another thread may already have connected a fresh one.
        discard(c);
      }
    }
    throw last;
  }

  private synchronized MqttClient connected() throws MqttException {
    if (client == null || !client.isConnected()) {
      discard(client);
      MqttClient fresh = new MqttClient(brokerUrl, clientId, new MemoryPersistence());
      // A lost acknowledgement fails the publish in seconds, not after the keep-alive.
      fresh.setTimeToWait(5_000);
      MqttConnectOptions o = new MqttConnectOptions();
      o.setCleanSession(true);
      o.setConnectionTimeout(5);
      o.setMaxInflight(1000);
      o.setUserName(username);
      if (password != null) {
        o.setPassword(password);
      }
      fresh.connect(o);
      client = fresh;
    }
    return client;
  }

  private synchronized void discard(MqttClient failed) {
    if (failed != null && client == failed) {
      try {
        client.disconnectForcibly(0, 1000, false);
      } catch (MqttException ignored) {
        // Already gone: nothing to release but the object.
      }
      try {
        client.close(true);
      } catch (MqttException ignored) {
        // Closing a dead client can only fail in ways that leave nothing to clean up.
      }
      client = null;
    }
  }

  @Override
  public void close() {
    discard(client);
  }
}
