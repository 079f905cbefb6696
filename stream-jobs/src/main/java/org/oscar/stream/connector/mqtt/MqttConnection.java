package org.oscar.stream.connector.mqtt;

import java.io.Serializable;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/**
 * How the pipeline reaches the broker. The password is the pipeline's own credential and is never
 * logged ({@link #toString()} hides it).
 */
public record MqttConnection(String brokerUrl, String username, String password)
    implements Serializable {

  public MqttConnectOptions options(boolean cleanSession) {
    MqttConnectOptions o = new MqttConnectOptions();
    o.setCleanSession(cleanSession);
    // The source and the sink reconnect by themselves: Paho's automatic reconnect was seen not to
    // come back after a broker crash (OutagesITCase), and it races an explicit connect.
    o.setAutomaticReconnect(false);
    o.setConnectionTimeout(10);
    o.setKeepAliveInterval(20);
    o.setMaxInflight(1_000);
    o.setServerURIs(List.of(brokerUrl).toArray(new String[0]));
    if (username != null && !username.isEmpty()) {
      o.setUserName(username);
      o.setPassword(password == null ? new char[0] : password.toCharArray());
    }
    return o;
  }

  /** The same credentials on another broker of the fleet (null: this one). */
  public MqttConnection onBroker(String url) {
    return url == null ? this : new MqttConnection(url, username, password);
  }

  @Override
  public String toString() {
    return "MqttConnection[" + brokerUrl + ", user=" + username + "]";
  }
}
