package org.oscar.gateway.sim;

import java.nio.charset.StandardCharsets;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.oscar.contract.codec.Json;
import org.oscar.contract.scenario.Scenario;
import org.oscar.contract.wire.NoticeMessage;
import org.oscar.contract.wire.Topics;

/** A survivor's panic device: connects, presses once when the scenario says, shows notices. */
final class SimulatedSurvivor implements AutoCloseable {
  private final Scenario.SurvivorSpec spec;
  private final MqttClient client;
  private final SimulatorOutput out;
  private long seq;

  SimulatedSurvivor(Scenario.SurvivorSpec spec, String brokerUrl, SimulatorOutput out)
      throws MqttException {
    this.spec = spec;
    this.out = out;
    this.client = new MqttClient(brokerUrl, "sim-" + spec.id(), new MemoryPersistence());
  }

  void connect() throws MqttException {
    MqttConnectOptions o = new MqttConnectOptions();
    o.setCleanSession(true);
    o.setAutomaticReconnect(true);
    o.setUserName(spec.id());
    o.setWill(Topics.device(spec.id(), Topics.ONLINE), bytes("{\"online\":false}"), 1, true);
    client.connect(o);
    client.subscribe(
        Topics.device(spec.id(), Topics.NOTICE),
        1,
        (topic, m) -> {
          NoticeMessage n = Json.fromBytes(m.getPayload(), NoticeMessage.class);
          out.line(
              "%s device shows %s for %s%s",
              spec.id(),
              n.state(),
              n.incidentId(),
              n.etaS() == null ? "" : ", help in about " + n.etaS() + " s");
        });
    MqttMessage online = new MqttMessage(bytes("{\"online\":true}"));
    online.setQos(1);
    online.setRetained(true);
    client.publish(Topics.device(spec.id(), Topics.ONLINE), online);
  }

  void press() throws MqttException {
    MqttMessage m =
        new MqttMessage(
            bytes(
                "{\"seq\":%d,\"ts\":%d,\"lat\":%.6f,\"lon\":%.6f,\"injured\":%b}"
                    .formatted(
                        ++seq,
                        System.currentTimeMillis(),
                        spec.lat(),
                        spec.lon(),
                        spec.injured())));
    m.setQos(1);
    client.publish(Topics.device(spec.id(), Topics.SOS), m);
    // Her position is hers alone: the simulator's log names the device, not the place.
    out.line("%s pressed SOS", spec.id());
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
