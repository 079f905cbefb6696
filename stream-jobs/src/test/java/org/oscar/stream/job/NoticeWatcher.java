package org.oscar.stream.job;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Hears the notices survivors' devices get, across broker restarts: it keeps one persistent session
 * (fixed client id, clean session off) and reconnects with a fresh client whenever it is lost, so
 * what was published while it was away is delivered when it is back.
 */
final class NoticeWatcher implements AutoCloseable {
  private final String brokerUrl;
  private final Set<String> heard = ConcurrentHashMap.newKeySet();
  private final Thread keeper;
  private volatile boolean running = true;
  private MqttClient client;

  NoticeWatcher(String brokerUrl) {
    this.brokerUrl = brokerUrl;
    keeper = new Thread(this::keepConnected, "notice-watcher");
    keeper.setDaemon(true);
    keeper.start();
  }

  boolean heardFrom(String deviceId) {
    return heard.contains(deviceId);
  }

  private void keepConnected() {
    while (running) {
      try {
        if (client == null || !client.isConnected()) {
          connect();
        }
        Thread.sleep(200);
      } catch (MqttException e) {
        sleepQuietly(250);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void connect() throws MqttException {
    if (client != null) {
      try {
        client.close(true);
      } catch (MqttException ignored) {
        // a dead client: nothing to release
      }
    }
    MqttClient fresh = new MqttClient(brokerUrl, "kill-notice-watcher", new MemoryPersistence());
    MqttConnectOptions o = new MqttConnectOptions();
    o.setCleanSession(false);
    o.setConnectionTimeout(2);
    o.setMaxInflight(1_000);
    fresh.setCallback(
        new org.eclipse.paho.client.mqttv3.MqttCallback() {
          @Override
          public void connectionLost(Throwable cause) {}

          @Override
          public void messageArrived(String topic, org.eclipse.paho.client.mqttv3.MqttMessage m) {
            // oscar/v1/dev/{id}/notice
            heard.add(topic.split("/")[3]);
          }

          @Override
          public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken t) {}
        });
    fresh.connect(o);
    fresh.subscribe("oscar/v1/dev/+/notice", 1);
    client = fresh;
  }

  private static void sleepQuietly(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws Exception {
    running = false;
    keeper.interrupt();
    keeper.join(2_000);
    if (client != null) {
      client.disconnectForcibly(0, 1000, false);
      client.close(true);
    }
  }
}
