package org.oscar.stream.dispatch.engine;

import static org.oscar.stream.dispatch.engine.IncidentOps.operator;

import org.oscar.contract.wire.Role;
import org.oscar.stream.dispatch.model.Assignment;
import org.oscar.stream.dispatch.model.IncidentState;
import org.oscar.stream.dispatch.model.Phase;
import org.oscar.stream.dispatch.model.UnitState;
import org.oscar.stream.event.DeviceEvent;

/**
 * A control-room operator's overrides, decided here like everything else so the job stays the one
 * place that decides. Every override is on the timeline with the operator's name; one the job
 * cannot carry out (unit busy elsewhere, incident over) is refused on the timeline, not dropped.
 * Each is idempotent: a replayed command finds its work done and changes nothing.
 */
final class OperatorRules {
  private final IncidentOps ops;
  private final PressRules presses;

  OperatorRules(IncidentOps ops, PressRules presses) {
    this.ops = ops;
    this.presses = presses;
  }

  void command(DeviceEvent e, Step s) {
    switch (e.operatorAction()) {
      case OPEN -> presses.openByOperator(e, s);
      case ASSIGN -> assign(e, s);
      case CLOSE -> close(e, s);
      case MARK_SERIOUS -> markSerious(e, s);
      case LOCATE -> locate(e, s);
      case TAKE -> take(e, s);
    }
  }

  /**
   * The operator takes the control room's call: the alarm stops, her name is on the timeline. A
   * call already taken stays with whoever took it first (a second click, or a colleague's at the
   * same moment, changes nothing).
   */
  private void take(DeviceEvent e, Step s) {
    IncidentState inc = s.incident(e.ref());
    if (inc == null || inc.callKind == null || inc.takenBy != null) {
      return;
    }
    if (!inc.isActive()) {
      refuse(inc, operator(e.operator()), "the case is over (" + inc.phase + ")", s);
      return;
    }
    inc.takenBy = e.operator();
    inc.takenAt = s.now;
    if (inc.ladderRung >= ops.policy(inc).ladder().size()) {
      // Past the ladder's top a stuck case rings again a step after it was taken, not at once.
      inc.nextRungAt = Math.max(inc.nextRungAt, s.now + ops.policy(inc).ladderStepS() * 1000L);
    }
    inc.log(
        s.now, "TAKEN", operator(e.operator()), "taken by " + e.operator() + ": " + inc.callWhy);
    s.changed(inc);
  }

  /**
   * The place the control room learnt by calling her back, for an incident whose location was
   * unknown. A known place is not moved by hand (her device's positions move it); that is refused.
   */
  private void locate(DeviceEvent e, Step s) {
    IncidentState inc = s.incident(e.ref());
    if (inc == null) {
      return;
    }
    String who = operator(e.operator());
    if (!inc.isActive()) {
      refuse(inc, who, "the case is over (" + inc.phase + ")", s);
    } else if (!inc.locationUnknown) {
      refuse(inc, who, "her location is already known", s);
    } else {
      presses.locate(inc, e.lat(), e.lon(), who, "position entered by the control room", s);
      ops.tellSurvivor(inc, s);
    }
  }

  /**
   * Puts the chosen unit on the incident in its role. The unit in that role that has not arrived is
   * relieved without a strike (it did nothing wrong); a unit already with another incident, off
   * duty or offline is refused.
   */
  private void assign(DeviceEvent e, Step s) {
    IncidentState inc = s.incident(e.ref());
    if (inc == null) {
      return; // long forgotten: nothing to put it on
    }
    if (!inc.isActive()) {
      refuse(inc, operator(e.operator()), "the case is over (" + inc.phase + ")", s);
      return;
    }
    UnitState u = s.book.unit(e.target());
    if (inc.assignmentOf(e.target()) != null) {
      return; // already on it: a replay, or a second click
    }
    String who = operator(e.operator());
    if (inc.locationUnknown) {
      refuse(inc, who, "her location is unknown: set it before assigning a unit", s);
      return;
    }
    if (u == null || u.kind() == null || u.kind().role() == null) {
      refuse(inc, who, "unit " + e.target() + " is not known in this region", s);
      return;
    }
    if (!u.isAvailable()) {
      refuse(inc, who, "unit " + e.target() + " is not available", s);
      return;
    }
    Role role = u.kind().role();
    for (Assignment a : inc.assignments.stream().filter(a -> a.role == role).toList()) {
      if (!a.arrived()) {
        ops.withdraw(inc, a, "replaced by " + who, false, s);
      }
    }
    inc.excludedUnits.remove(u.unitId());
    inc.pendingRoles.remove(role);
    inc.log(s.now, "ASSIGNED_BY_OPERATOR", who, u.unitId() + " as " + role);
    ops.assign(inc, role, new IncidentOps.Pick(u, ops.eta(u, inc)), s);
    ops.tellSurvivor(inc, s);
  }

  private void close(DeviceEvent e, Step s) {
    IncidentState inc = s.incident(e.ref());
    if (inc == null || inc.phase.isTerminal()) {
      return;
    }
    ops.end(inc, Phase.CLOSED, "closed by the control room", operator(e.operator()), s);
  }

  private void markSerious(DeviceEvent e, Step s) {
    IncidentState inc = s.incident(e.ref());
    if (inc == null || inc.serious) {
      return;
    }
    if (!inc.isActive()) {
      refuse(inc, operator(e.operator()), "the case is over (" + inc.phase + ")", s);
      return;
    }
    inc.log(s.now, "MARKED_SERIOUS", operator(e.operator()), "by the control room");
    s.changed(inc);
    ops.markSerious(inc, "marked serious by the control room", false, s);
  }

  private static void refuse(IncidentState inc, String who, String why, Step s) {
    inc.log(s.now, "OPERATOR_REFUSED", who, why);
    s.changed(inc);
  }
}
