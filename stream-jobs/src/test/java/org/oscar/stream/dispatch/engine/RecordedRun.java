package org.oscar.stream.dispatch.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.oscar.contract.alert.AlertEvent;
import org.oscar.contract.live.IncidentView;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.contract.wire.NoticeMessage;
import org.oscar.contract.wire.TaskAction;
import org.oscar.contract.wire.TaskMessage;
import org.oscar.contract.wire.UnitStatus;
import org.oscar.stream.event.CancelOutcome;
import org.oscar.stream.event.DeviceEvent;
import org.oscar.stream.event.EventKind;
import org.oscar.stream.geo.GeoDistance;

/**
 * Records a live run: a seeded fleet and seeded survivors react to the engine's decisions (accept,
 * decline or ignore tasks, drive, arrive, transport; press, move, cancel, use the duress PIN),
 * every message they send is recorded, and so is every decision. Replaying the recording must give
 * the same decisions.
 */
public final class RecordedRun {
  static final long START = 1_800_000_000_000L;
  static final long TICK_MS = 10_000;

  public final List<DeviceEvent> inputs = new ArrayList<>();
  public final DecisionLog decisions = new DecisionLog();
  public final long end;

  private final Random random;
  private final RegionDispatcher engine;
  private final RegionBook book = new InMemoryRegionBook();
  private final Map<String, SimUnit> units = new HashMap<>();
  private final List<String> survivors = new ArrayList<>();
  private final Map<String, double[]> survivorAt = new HashMap<>();
  private final List<TaskMessage> newTasks = new ArrayList<>();
  private long now = START;
  private long seq;

  private static final class SimUnit {
    final String id;
    final DeviceKind kind;
    double lat;
    double lon;
    TaskMessage task;
    boolean accepted;
    boolean silent;
    int ticksOnScene;
    UnitStatus status = UnitStatus.AVAILABLE;

    SimUnit(String id, DeviceKind kind, double lat, double lon) {
      this.id = id;
      this.kind = kind;
      this.lat = lat;
      this.lon = lon;
    }
  }

  public RecordedRun(long seed, RegionDispatcher engine, int minutes) {
    this.random = new Random(seed);
    this.engine = engine;
    for (int i = 0; i < 10; i++) {
      DeviceKind kind = i < 6 ? DeviceKind.POLICE : DeviceKind.AMBULANCE;
      SimUnit u =
          new SimUnit((kind == DeviceKind.POLICE ? "PCR-" : "AMB-") + i, kind, lat(), lon());
      units.put(u.id, u);
      send(event(EventKind.UNIT_STATUS, u.id, kind).status(UnitStatus.AVAILABLE).build());
    }
    for (int t = 0; t < minutes * 6; t++) {
      tick();
    }
    end = now + 3_600_000;
    engine.advanceTo(end, book, effects());
  }

  private void tick() {
    now += TICK_MS;
    for (TaskMessage task : List.copyOf(newTasks)) {
      react(task);
    }
    newTasks.clear();
    for (SimUnit u : units.values().stream().sorted((a, b) -> a.id.compareTo(b.id)).toList()) {
      move(u);
    }
    if (random.nextDouble() < 0.04) {
      String id = "SURV-" + survivors.size();
      survivors.add(id);
      double[] at = {lat(), lon()};
      survivorAt.put(id, at);
      send(
          event(EventKind.SOS, id, DeviceKind.PANIC)
              .at(at[0], at[1])
              .injured(random.nextDouble() < 0.25)
              .build());
    }
    for (String s : survivors) {
      double r = random.nextDouble();
      double[] at = survivorAt.get(s);
      if (r < 0.03) {
        at[0] += 0.004;
        send(event(EventKind.DEVICE_POSITION, s, DeviceKind.PANIC).at(at[0], at[1]).build());
      } else if (r < 0.04) {
        send(event(EventKind.SOS, s, DeviceKind.PANIC).at(at[0], at[1]).build());
      } else if (r < 0.05) {
        CancelOutcome[] outcomes = CancelOutcome.values();
        send(
            event(EventKind.CANCEL, s, DeviceKind.PANIC)
                .cancel(outcomes[random.nextInt(outcomes.length)])
                .build());
      }
    }
  }

  private void react(TaskMessage task) {
    SimUnit u = unitOf(task.assignmentId());
    if (task.action() == TaskAction.WITHDRAW) {
      if (u.task != null && u.task.assignmentId().equals(task.assignmentId())) {
        u.task = null;
        u.accepted = false;
      }
      return;
    }
    if (task.action() == TaskAction.UPDATE) {
      if (u.task != null && u.task.assignmentId().equals(task.assignmentId())) {
        u.task = task;
      }
      return;
    }
    u.task = task;
    u.accepted = false;
    u.ticksOnScene = 0;
    double r = random.nextDouble();
    u.silent = r >= 0.85;
    if (r < 0.7) {
      u.accepted = true;
      send(event(EventKind.UNIT_ACK, u.id, u.kind).ack(task.assignmentId(), true, null).build());
    } else if (r < 0.85) {
      send(event(EventKind.UNIT_ACK, u.id, u.kind).ack(task.assignmentId(), false, "busy").build());
      u.task = null;
    }
  }

  private void move(SimUnit u) {
    if (u.task != null && u.accepted) {
      double d = GeoDistance.meters(u.lat, u.lon, u.task.lat(), u.task.lon());
      if (d > 100) {
        double step = Math.min(1.0, 90 / d);
        u.lat += (u.task.lat() - u.lat) * step;
        u.lon += (u.task.lon() - u.lon) * step;
      } else {
        u.ticksOnScene++;
        UnitStatus next =
            switch (u.ticksOnScene) {
              case 1 -> UnitStatus.ON_SCENE;
              case 4 ->
                  u.kind == DeviceKind.AMBULANCE ? UnitStatus.TRANSPORTING : UnitStatus.AVAILABLE;
              case 9 -> u.kind == DeviceKind.AMBULANCE ? UnitStatus.AT_FACILITY : null;
              case 11 -> UnitStatus.AVAILABLE;
              default -> null;
            };
        if (next != null && next != u.status) {
          u.status = next;
          send(event(EventKind.UNIT_STATUS, u.id, u.kind).status(next).build());
          if (next == UnitStatus.AVAILABLE) {
            u.task = null;
            u.accepted = false;
          }
        }
      }
    } else if (!u.silent || u.task == null) {
      u.lat += (random.nextDouble() - 0.5) * 0.001;
      u.lon += (random.nextDouble() - 0.5) * 0.001;
    }
    send(event(EventKind.UNIT_POSITION, u.id, u.kind).at(u.lat, u.lon).build());
  }

  private SimUnit unitOf(String assignmentId) {
    for (SimUnit u : units.values()) {
      if (assignmentId.endsWith("-" + u.id)) {
        return u;
      }
    }
    throw new IllegalStateException("no unit for " + assignmentId);
  }

  private void send(DeviceEvent e) {
    inputs.add(e);
    engine.handle(e, book, effects());
  }

  private Effects effects() {
    return new Effects() {
      @Override
      public void task(String unitId, TaskMessage task) {
        decisions.task(unitId, task);
        newTasks.add(task);
      }

      @Override
      public void notice(String deviceId, NoticeMessage notice) {
        decisions.notice(deviceId, notice);
      }

      @Override
      public void incident(IncidentView view, boolean active) {
        decisions.incident(view, active);
      }

      @Override
      public void alert(AlertEvent alert) {
        decisions.alert(alert);
      }
    };
  }

  private DeviceEvent.Builder event(EventKind kind, String id, DeviceKind deviceKind) {
    now += 1;
    return new DeviceEvent.Builder(kind, id, deviceKind, RegionFixture.REGION)
        .timing(++seq, now, now);
  }

  private double lat() {
    return 20.22 + random.nextDouble() * 0.13;
  }

  private double lon() {
    return 85.78 + random.nextDouble() * 0.08;
  }
}
