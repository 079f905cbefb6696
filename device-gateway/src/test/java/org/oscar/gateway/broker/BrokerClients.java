package org.oscar.gateway.broker;

import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** Clients of a test broker with authentication, as a device or a service would connect. */
public final class BrokerClients {
  private BrokerClients() {}

  public static MqttClient connect(String brokerUrl, String user, String password)
      throws MqttException {
    MqttClient c =
        new MqttClient(brokerUrl, user + "-" + UUID.randomUUID(), new MemoryPersistence());
    MqttConnectOptions o = new MqttConnectOptions();
    o.setCleanSession(true);
    o.setUserName(user);
    o.setPassword(password.toCharArray());
    o.setConnectionTimeout(5);
    c.connect(o);
    return c;
  }

  /** The QoS the broker granted a subscription, or 128 if it refused it. */
  public static int grantedQos(MqttClient c, String filter) {
    try {
      return c.subscribeWithResponse(filter, 1).getGrantedQos()[0];
    } catch (MqttException e) {
      return e.getReasonCode() == MqttException.REASON_CODE_SUBSCRIBE_FAILED ? 128 : -1;
    }
  }
}
