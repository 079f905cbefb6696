package org.oscar.gateway.sim;

import org.eclipse.paho.client.mqttv3.MqttException;
import org.oscar.contract.codec.Json;
import org.oscar.contract.scenario.Scenario;
import org.oscar.contract.wire.DeviceClass;
import org.oscar.contract.wire.NoticeMessage;
import org.oscar.contract.wire.Topics;

/**
 * A survivor's panic device: connects, presses once when the scenario says, shows notices. Like a
 * real device it keeps the press until the pipeline answers: with no notice within {@value
 * #RESEND_AFTER_MS} ms it sends the same press (same {@code seq}) again, so a press the broker
 * acknowledged and then lost in a crash is not lost.
 */
final class SimulatedSurvivor implements AutoCloseable {
  private final Scenario.SurvivorSpec spec;
  private final DeviceConnection connection;
  private final SimulatorOutput out;
  static final long RESEND_AFTER_MS = 8_000;
  private long seq;
  private volatile String unanswered;
  private volatile long sentAt;

  SimulatedSurvivor(
      Scenario.SurvivorSpec spec, String brokerUrl, String secret, SimulatorOutput out)
      throws MqttException {
    this.spec = spec;
    this.out = out;
    this.connection = new DeviceConnection(brokerUrl, DeviceClass.PANIC, spec.id(), secret);
  }

  void connect() throws MqttException {
    connection.connect(
        Topics.NOTICE,
        (topic, m) -> {
          NoticeMessage n = Json.fromBytes(m.getPayload(), NoticeMessage.class);
          unanswered = null;
          out.notices.incrementAndGet();
          out.line(
              "%s device shows %s for %s%s",
              spec.id(),
              n.state(),
              n.incidentId(),
              n.etaS() == null ? "" : ", help in about " + n.etaS() + " s");
        });
  }

  /** Her device stays connected, so notices reach it after a broker outage. */
  void keepConnected() {
    connection.keepConnected();
    String press = unanswered;
    if (press != null && System.currentTimeMillis() - sentAt > RESEND_AFTER_MS) {
      try {
        sentAt = System.currentTimeMillis();
        connection.publish(Topics.SOS, press, false);
        out.line("%s heard nothing yet: sends the same press again", spec.id());
      } catch (MqttException e) {
        // the broker is away: tried again on the next tick
      }
    }
  }

  void press() throws MqttException {
    String press =
        "{\"seq\":%d,\"ts\":%d,\"lat\":%.6f,\"lon\":%.6f,\"injured\":%b}"
            .formatted(++seq, System.currentTimeMillis(), spec.lat(), spec.lon(), spec.injured());
    unanswered = press;
    sentAt = System.currentTimeMillis();
    connection.publish(Topics.SOS, press, false);
    out.presses.incrementAndGet();
    // Her position is hers alone: the simulator's log names the device, not the place.
    out.line("%s pressed SOS", spec.id());
  }

  @Override
  public void close() throws MqttException {
    connection.close();
  }
}
