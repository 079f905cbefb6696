package org.oscar.stream.dispatch.engine;

import static org.oscar.stream.dispatch.engine.IncidentOps.unit;

import org.oscar.contract.wire.TaskAction;
import org.oscar.stream.dispatch.model.Assignment;
import org.oscar.stream.dispatch.model.AssignmentStatus;
import org.oscar.stream.dispatch.model.IncidentState;
import org.oscar.stream.dispatch.model.Phase;
import org.oscar.stream.dispatch.model.UnitState;
import org.oscar.stream.event.DeviceEvent;
import org.oscar.stream.geo.GeoDistance;

/**
 * What a unit's reports mean: a position refreshes its ETA, detects arrival (geofence) and shows
 * whether it is closing the distance; a status walks the case path (on scene, transporting, handed
 * over, released); an ack accepts or declines. A unit that becomes free fills roles left pending.
 */
final class UnitRules {
  private final IncidentOps ops;

  UnitRules(IncidentOps ops) {
    this.ops = ops;
  }

  /**
   * Positions are read by several readers at once (the source's shared lane), so one may overtake
   * another: an older one is ignored rather than move the unit back.
   */
  void position(DeviceEvent e, Step s) {
    UnitState known = current(e, s);
    if (known.isOlderThanHeard(e.seq(), e.ts())) {
      return;
    }
    UnitState u = update(known.movedTo(e.lat(), e.lon(), s.now).heard(e.seq(), e.ts()), s);
    Held held = held(u, s);
    if (held == null) {
      return;
    }
    IncidentState inc = held.incident();
    Assignment a = held.assignment();
    if (a.arrived()) {
      return;
    }
    double meters = GeoDistance.meters(u.lat(), u.lon(), inc.lat, inc.lon);
    if (meters <= ops.policy(inc).arrivalRadiusM()) {
      arrive(inc, a, "within " + Math.round(ops.policy(inc).arrivalRadiusM()) + " m of her", s);
      return;
    }
    if (a.progressDistanceM - meters >= ops.policy(inc).progressMinM()) {
      a.progressDistanceM = meters;
      a.progressAt = s.now;
    }
    a.etaS = ops.eta(u, inc);
    s.changed(inc);
    if (Math.abs(a.etaS - a.lastEtaSentS) >= ops.policy(inc).materialEtaChangeS()) {
      a.lastEtaSentS = a.etaS;
      s.out.task(u.unitId(), ops.task(inc, a, TaskAction.UPDATE, s.now));
      ops.tellSurvivor(inc, s);
    }
  }

  /** Statuses arrive in order (the source's ordered lane): each is a step of the case path. */
  void status(DeviceEvent e, Step s) {
    UnitState u = update(current(e, s).withStatus(e.status()), s);
    Held held = held(u, s);
    if (held == null) {
      return;
    }
    IncidentState inc = held.incident();
    Assignment a = held.assignment();
    String who = unit(u.unitId());
    switch (e.status()) {
      case EN_ROUTE -> accept(inc, a, "reported EN_ROUTE", s);
      case ON_SCENE -> arrive(inc, a, "reported ON_SCENE", s);
      case TRANSPORTING -> {
        arrive(inc, a, "reported TRANSPORTING", s);
        inc.phase = Phase.TRANSPORTING;
        inc.log(s.now, "TRANSPORTING", who, "to " + destinationName(inc));
        s.changed(inc);
      }
      case AT_FACILITY -> {
        arrive(inc, a, "reported AT_FACILITY", s);
        inc.phase = Phase.HANDED_OVER;
        inc.log(s.now, "HANDED_OVER", who, "at " + destinationName(inc));
        s.changed(inc);
      }
      case AVAILABLE -> {
        // Terminals repeat their status, and one sent just before the task arrived is no answer
        // to it: before arrival AVAILABLE changes nothing (silence and stalls are caught by their
        // deadlines). After arrival it means the unit is done.
        if (a.arrived()) {
          ops.release(inc, a, "reported AVAILABLE", s);
          fillPending(s.book.unit(u.unitId()), s);
        }
      }
      case OFF_DUTY -> {
        if (a.arrived()) {
          ops.release(inc, a, "reported OFF_DUTY", s);
        } else {
          ops.replace(inc, a, "went OFF_DUTY before arriving", s);
        }
      }
    }
  }

  /**
   * A unit whose last will fires (it dropped off the broker) cannot be reached: it is not offered
   * tasks, and one on its way is treated like a silent unit, withdrawn with a strike and replaced.
   * Back online, it is dispatchable again.
   */
  void presence(DeviceEvent e, Step s) {
    UnitState u = current(e, s).withOnline(e.online());
    s.book.putUnit(u);
    IncidentState inc = incidentOf(u, s);
    Assignment a = inc == null ? null : inc.assignmentOf(u.unitId());
    if (!e.online() && a != null && !a.arrived()) {
      ops.replace(inc, a, "went offline before arriving", s);
    } else if (e.online()) {
      fillPending(s.book.unit(u.unitId()), s);
    }
  }

  void ack(DeviceEvent e, Step s) {
    UnitState u = s.book.unit(e.deviceId());
    IncidentState inc = u == null ? null : incidentOf(u, s);
    Assignment a = inc == null ? null : inc.assignmentOf(u.unitId());
    if (a == null || !a.assignmentId.equals(e.ref())) {
      // An ack for a task it no longer holds (withdrawn, or a replay): nothing to change.
      return;
    }
    if (e.accept()) {
      accept(inc, a, "acknowledged", s);
    } else {
      String why = e.note() == null || e.note().isBlank() ? "declined" : "declined: " + e.note();
      ops.replace(inc, a, why, s);
    }
  }

  private void accept(IncidentState inc, Assignment a, String why, Step s) {
    if (a.status == AssignmentStatus.ASSIGNED) {
      a.status = AssignmentStatus.ACCEPTED;
      inc.log(s.now, "ACCEPTED", unit(a.unitId), why);
      s.changed(inc);
    }
  }

  private void arrive(IncidentState inc, Assignment a, String why, Step s) {
    if (a.arrived()) {
      return;
    }
    boolean first = !inc.hasArrivedUnit();
    a.status = AssignmentStatus.ARRIVED;
    a.etaS = 0;
    inc.log(s.now, "ARRIVED", unit(a.unitId), why);
    if (inc.phase == Phase.OPEN) {
      inc.phase = Phase.ON_SCENE;
    }
    s.changed(inc);
    if (first) {
      ops.tellSurvivor(inc, s);
    }
  }

  /** A unit that is free now takes the oldest role still waiting for one. */
  private void fillPending(UnitState u, Step s) {
    if (u == null || !u.isAvailable()) {
      return;
    }
    for (IncidentState inc : s.waitingFor(u.kind().role())) {
      // The best unit for an incident may be another free one; go on while this one is free.
      if (!s.book.unit(u.unitId()).isAvailable()) {
        return;
      }
      if (ops.assignBest(inc, u.kind().role(), s)) {
        ops.tellSurvivor(inc, s);
      }
    }
  }

  private static UnitState current(DeviceEvent e, Step s) {
    UnitState known = s.book.unit(e.deviceId());
    if (known == null) {
      return UnitState.unknown(e.deviceId(), e.deviceKind(), e.region());
    }
    // Its registry entry decides where it may be sent: a unit moved to another district (or one
    // restored from before home regions were kept) takes the region its events now carry.
    return java.util.Objects.equals(known.region(), e.region())
        ? known
        : known.withRegion(e.region());
  }

  private static IncidentState incidentOf(UnitState u, Step s) {
    return s.incident(u.incidentId());
  }

  /** The incident a unit is assigned to and its assignment there. */
  private record Held(IncidentState incident, Assignment assignment) {}

  private static Held held(UnitState u, Step s) {
    IncidentState inc = incidentOf(u, s);
    Assignment a = inc == null ? null : inc.assignmentOf(u.unitId());
    return a == null ? null : new Held(inc, a);
  }

  /** Stores a unit's new state; a unit free now takes a role left pending. */
  private UnitState update(UnitState u, Step s) {
    s.book.putUnit(u);
    if (held(u, s) == null) {
      fillPending(u, s);
    }
    return s.book.unit(u.unitId());
  }

  private static String destinationName(IncidentState inc) {
    var d = IncidentOps.destination(inc);
    return d == null ? "destination" : d.name();
  }
}
