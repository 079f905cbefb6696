package org.oscar.gateway.sim;

import java.util.Random;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.oscar.contract.codec.Json;
import org.oscar.contract.scenario.Scenario;
import org.oscar.contract.wire.DeviceClass;
import org.oscar.contract.wire.TaskAction;
import org.oscar.contract.wire.TaskMessage;
import org.oscar.contract.wire.Topics;
import org.oscar.contract.wire.UnitStatus;

/**
 * A responder unit's terminal as the contract describes it: connects with a last will, reports
 * AVAILABLE, patrols near its start while free, and on a task accepts, drives to the incident and
 * reports ON_SCENE. Movement is a straight line at a fixed speed, enough for a demo map.
 */
final class SimulatedUnit implements AutoCloseable {
  private static final double PATROL_STEP_DEG = 0.0002;
  private static final double ARRIVED_DEG = 0.0003;
  // Status is repeated now and then, as real terminals do, so a pipeline that (re)started after
  // the last change still learns it.
  private static final int STATUS_EVERY_TICKS = 15;

  private final Scenario.UnitSpec spec;
  private final DeviceConnection connection;
  private final SimulatorOutput out;
  private final Random random;
  private final double speedDegPerTick;
  private long seq;
  private double lat;
  private double lon;
  private volatile TaskMessage task;
  private boolean onScene;
  private UnitStatus lastStatus = UnitStatus.AVAILABLE;
  private long ticks;

  SimulatedUnit(
      Scenario.UnitSpec spec,
      String brokerUrl,
      double speedKmh,
      double tickS,
      SimulatorOutput out,
      long seed)
      throws MqttException {
    this.spec = spec;
    this.out = out;
    this.random = new Random(seed);
    this.lat = spec.lat();
    this.lon = spec.lon();
    // ~111 km per degree; good enough for a demo's motion.
    this.speedDegPerTick = speedKmh / 3.6 * tickS / 111_000.0;
    this.connection = new DeviceConnection(brokerUrl, DeviceClass.UNIT, spec.id());
  }

  void connect() throws MqttException {
    connection.connect(Topics.TASK, (topic, m) -> onTask(m));
    status(UnitStatus.AVAILABLE);
  }

  private void onTask(MqttMessage m) throws MqttException {
    TaskMessage t = Json.fromBytes(m.getPayload(), TaskMessage.class);
    if (t.action() != TaskAction.ASSIGN) {
      return;
    }
    out.line(
        "%s received task %s for %s (%s), ETA %d s",
        spec.id(), t.assignmentId(), t.incidentId(), t.role(), t.etaS());
    publish(
        Topics.ACK,
        "{\"seq\":%d,\"ts\":%d,\"assignmentId\":\"%s\",\"accept\":true}"
            .formatted(++seq, System.currentTimeMillis(), t.assignmentId()),
        false);
    task = t;
    onScene = false;
    status(UnitStatus.EN_ROUTE);
  }

  /** One step of motion and one position report. */
  void tick() throws MqttException {
    TaskMessage t = task;
    if (t == null) {
      lat += (random.nextDouble() - 0.5) * PATROL_STEP_DEG;
      lon += (random.nextDouble() - 0.5) * PATROL_STEP_DEG;
    } else if (!onScene) {
      double dLat = t.lat() - lat;
      double dLon = t.lon() - lon;
      double d = Math.hypot(dLat, dLon);
      if (d <= Math.max(ARRIVED_DEG, speedDegPerTick)) {
        lat = t.lat();
        lon = t.lon();
        onScene = true;
        status(UnitStatus.ON_SCENE);
        out.line("%s on scene at %s", spec.id(), t.incidentId());
      } else {
        lat += dLat / d * speedDegPerTick;
        lon += dLon / d * speedDegPerTick;
      }
    }
    if (++ticks % STATUS_EVERY_TICKS == 0) {
      status(lastStatus);
    }
    publish(
        Topics.POS,
        "{\"seq\":%d,\"ts\":%d,\"lat\":%.6f,\"lon\":%.6f}"
            .formatted(++seq, System.currentTimeMillis(), lat, lon),
        false);
  }

  private void status(UnitStatus s) throws MqttException {
    lastStatus = s;
    publish(
        Topics.STATUS,
        "{\"seq\":%d,\"ts\":%d,\"status\":\"%s\"}".formatted(++seq, System.currentTimeMillis(), s),
        false);
  }

  private void publish(String leaf, String json, boolean retained) throws MqttException {
    connection.publish(leaf, json, retained);
  }

  @Override
  public void close() throws MqttException {
    connection.close();
  }
}
