package org.oscar.stream.connector.mqtt.source.enumerator;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.oscar.stream.connector.mqtt.MqttConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears the broker sessions a source's earlier reader count used and its current one does not. A
 * persistent session left in a shared subscription keeps receiving its share of the messages, and
 * with nobody to read them they would wait there for good: a press lost. Connecting once with a
 * clean session under that client id ends the session (MQTT 3.1.1 §3.1.2.4). Best effort: a broker
 * not up yet is tried again a few times, and a failure is logged, never fatal.
 */
public final class UnplannedSessionSweep implements Runnable, Serializable {
  private static final Logger LOG = LoggerFactory.getLogger(UnplannedSessionSweep.class);
  private static final int ATTEMPTS = 30;
  private static final long CONNECT_TIMEOUT_MS = 10_000;

  private final MqttConnection connection;
  private final List<String> brokerUrls;
  private final List<String> clientIds;

  public UnplannedSessionSweep(
      MqttConnection connection, List<String> brokerUrls, List<String> clientIds) {
    this.connection = connection;
    this.brokerUrls = List.copyOf(brokerUrls);
    this.clientIds = List.copyOf(clientIds);
  }

  @Override
  public void run() {
    LOG.info("sweeping {} unplanned sessions on {}", clientIds.size(), brokerUrls);
    for (String broker : brokerUrls) {
      for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
        try {
          sweep(connection.onBroker(broker));
          break;
        } catch (MqttException e) {
          if (attempt == ATTEMPTS) {
            LOG.warn("MQTT sessions on {} not swept: {}", broker, e.getMessage());
          } else {
            sleep();
          }
        }
      }
    }
  }

  /** All at once: a connect takes a few hundred milliseconds, and there are dozens. */
  private void sweep(MqttConnection on) throws MqttException {
    List<MqttAsyncClient> clients = new ArrayList<>();
    try {
      List<IMqttToken> connects = new ArrayList<>();
      for (String id : clientIds) {
        MqttAsyncClient client = new MqttAsyncClient(on.brokerUrl(), id, new MemoryPersistence());
        clients.add(client);
        connects.add(client.connect(on.options(true)));
      }
      for (IMqttToken connect : connects) {
        connect.waitForCompletion(CONNECT_TIMEOUT_MS);
      }
    } finally {
      List<IMqttToken> disconnects = new ArrayList<>();
      for (MqttAsyncClient client : clients) {
        try {
          if (client.isConnected()) {
            disconnects.add(client.disconnect(0));
          }
        } catch (MqttException e) {
          LOG.debug("sweep: disconnect {}: {}", client.getClientId(), e.getMessage());
        }
      }
      for (IMqttToken disconnect : disconnects) {
        try {
          disconnect.waitForCompletion(CONNECT_TIMEOUT_MS);
        } catch (MqttException e) {
          LOG.debug("sweep: disconnect: {}", e.getMessage());
        }
      }
      for (MqttAsyncClient client : clients) {
        client.close(true);
      }
    }
    LOG.info("MQTT sessions {}… not in the plan cleared on {}", clientIds.get(0), on.brokerUrl());
  }

  private static void sleep() {
    try {
      Thread.sleep(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
