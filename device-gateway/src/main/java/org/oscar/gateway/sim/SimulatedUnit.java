package org.oscar.gateway.sim;

import java.util.Random;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.oscar.contract.codec.Json;
import org.oscar.contract.scenario.Scenario;
import org.oscar.contract.wire.DeviceClass;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.contract.wire.TaskMessage;
import org.oscar.contract.wire.Topics;
import org.oscar.contract.wire.UnitStatus;

/**
 * A responder unit's terminal and crew as the contract describes them. Free, it patrols near its
 * start. Given a task, it accepts, declines or stays silent (scenario or rates), drives to her at a
 * fixed speed, reports ON_SCENE, and after a while either takes her to the task's destination
 * (TRANSPORTING, AT_FACILITY) or, for police without a hospital case, becomes AVAILABLE again. A
 * WITHDRAW stops it; an UPDATE re-routes it. Motion is a straight line: enough for a demo map.
 */
final class SimulatedUnit implements AutoCloseable {
  private static final double PATROL_STEP_DEG = 0.0002;
  private static final double ARRIVED_DEG = 0.0005;
  // Status is repeated now and then, as real terminals do, so a pipeline that (re)started after
  // the last change still learns it.
  private static final int STATUS_EVERY_TICKS = 15;

  private enum Leg {
    FREE,
    TO_HER,
    ON_SCENE,
    TO_FACILITY,
    AT_FACILITY
  }

  private final Scenario.UnitSpec spec;
  private final DeviceConnection connection;
  private final SimulatorOutput out;
  private final UnitBehaviour behaviour;
  private final Random random;
  private final double tickS;
  private final double speedDegPerTick;
  private long seq;
  private double lat;
  private double lon;
  private TaskMessage task;
  private Leg leg = Leg.FREE;
  private double legSeconds;
  private UnitStatus status = UnitStatus.AVAILABLE;
  private long ticks;

  SimulatedUnit(
      Scenario.UnitSpec spec,
      String brokerUrl,
      String secret,
      double speedKmh,
      double tickS,
      UnitBehaviour behaviour,
      SimulatorOutput out,
      long seed)
      throws MqttException {
    this.spec = spec;
    this.out = out;
    this.behaviour = behaviour;
    this.random = new Random(seed);
    this.tickS = tickS;
    this.lat = spec.lat();
    this.lon = spec.lon();
    // ~111 km per degree; good enough for a demo's motion.
    this.speedDegPerTick = speedKmh / 3.6 * tickS / 111_000.0;
    this.connection = new DeviceConnection(brokerUrl, DeviceClass.UNIT, spec.id(), secret);
  }

  void connect() throws MqttException {
    connection.connect(Topics.TASK, (topic, m) -> onTask(m));
    status(UnitStatus.AVAILABLE);
  }

  private synchronized void onTask(MqttMessage m) throws MqttException {
    TaskMessage t = Json.fromBytes(m.getPayload(), TaskMessage.class);
    out.tasks.incrementAndGet();
    switch (t.action()) {
      case ASSIGN -> assigned(t);
      case UPDATE -> {
        if (task != null && task.assignmentId().equals(t.assignmentId())) {
          task = t;
          out.line("%s re-routed for %s, ETA %d s", spec.id(), t.incidentId(), t.etaS());
        }
      }
      case WITHDRAW -> {
        if (task != null && task.assignmentId().equals(t.assignmentId())) {
          out.line("%s withdrawn from %s", spec.id(), t.incidentId());
          task = null;
          leg = Leg.FREE;
          if (status != UnitStatus.AVAILABLE) {
            status(UnitStatus.AVAILABLE);
          }
        }
      }
    }
  }

  private void assigned(TaskMessage t) throws MqttException {
    double r = random.nextDouble();
    if (spec.silent() || r < behaviour.silenceRate()) {
      out.line("%s received task for %s and stays SILENT", spec.id(), t.incidentId());
      return;
    }
    if (r < behaviour.silenceRate() + behaviour.declineRate()) {
      out.line("%s DECLINES task for %s", spec.id(), t.incidentId());
      ack(t, false, "crew unavailable");
      return;
    }
    out.line(
        "%s accepts task for %s (%s), ETA %d s", spec.id(), t.incidentId(), t.role(), t.etaS());
    ack(t, true, null);
    task = t;
    leg = Leg.TO_HER;
    status(UnitStatus.EN_ROUTE);
  }

  /** One step of motion or waiting, and one position report. */
  synchronized void tick() throws MqttException {
    legSeconds += tickS;
    switch (leg) {
      case FREE -> {
        lat += (random.nextDouble() - 0.5) * PATROL_STEP_DEG;
        lon += (random.nextDouble() - 0.5) * PATROL_STEP_DEG;
      }
      case TO_HER -> {
        if (driveTowards(task.lat(), task.lon())) {
          enter(Leg.ON_SCENE);
          status(UnitStatus.ON_SCENE);
          out.line("%s on scene at %s", spec.id(), task.incidentId());
        }
      }
      case ON_SCENE -> {
        if (legSeconds >= behaviour.onSceneS()) {
          // The ambulance takes an injured survivor to hospital; the police take her to the OSC.
          String kind = task.destination() == null ? "" : task.destination().kind();
          boolean transports =
              (spec.kind() == DeviceKind.AMBULANCE && "HOSPITAL".equals(kind))
                  || (spec.kind() == DeviceKind.POLICE && "OSC".equals(kind));
          if (transports) {
            enter(Leg.TO_FACILITY);
            status(UnitStatus.TRANSPORTING);
            out.line("%s transporting to %s", spec.id(), task.destination().name());
          } else {
            done();
          }
        }
      }
      case TO_FACILITY -> {
        if (driveTowards(task.destination().lat(), task.destination().lon())) {
          enter(Leg.AT_FACILITY);
          status(UnitStatus.AT_FACILITY);
          out.line("%s handed over at %s", spec.id(), task.destination().name());
        }
      }
      case AT_FACILITY -> {
        if (legSeconds >= behaviour.atFacilityS()) {
          done();
        }
      }
    }
    if (++ticks % STATUS_EVERY_TICKS == 0) {
      status(status);
    }
    out.positions.incrementAndGet();
    publish(
        Topics.POS,
        "{\"seq\":%d,\"ts\":%d,\"lat\":%.6f,\"lon\":%.6f}"
            .formatted(++seq, System.currentTimeMillis(), lat, lon));
  }

  private void done() throws MqttException {
    out.line("%s available again", spec.id());
    task = null;
    enter(Leg.FREE);
    status(UnitStatus.AVAILABLE);
  }

  private void enter(Leg next) {
    leg = next;
    legSeconds = 0;
  }

  /** Moves one tick towards the place; true once there. */
  private boolean driveTowards(double toLat, double toLon) {
    double dLat = toLat - lat;
    double dLon = toLon - lon;
    double d = Math.hypot(dLat, dLon);
    if (d <= Math.max(ARRIVED_DEG, speedDegPerTick)) {
      lat = toLat;
      lon = toLon;
      return true;
    }
    lat += dLat / d * speedDegPerTick;
    lon += dLon / d * speedDegPerTick;
    return false;
  }

  private void ack(TaskMessage t, boolean accept, String reason) throws MqttException {
    publish(
        Topics.ACK,
        "{\"seq\":%d,\"ts\":%d,\"assignmentId\":\"%s\",\"accept\":%b%s}"
            .formatted(
                ++seq,
                System.currentTimeMillis(),
                t.assignmentId(),
                accept,
                reason == null ? "" : ",\"reason\":\"" + reason + "\""));
  }

  private void status(UnitStatus s) throws MqttException {
    status = s;
    publish(
        Topics.STATUS,
        "{\"seq\":%d,\"ts\":%d,\"status\":\"%s\"}".formatted(++seq, System.currentTimeMillis(), s));
  }

  private void publish(String leaf, String json) throws MqttException {
    connection.publish(leaf, json, false);
  }

  @Override
  public void close() throws MqttException {
    connection.close();
  }
}
