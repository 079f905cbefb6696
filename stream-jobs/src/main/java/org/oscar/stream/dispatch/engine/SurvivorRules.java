package org.oscar.stream.dispatch.engine;

import static org.oscar.stream.dispatch.engine.IncidentOps.device;

import java.util.ArrayList;
import java.util.Objects;
import org.oscar.contract.live.ControlRoomCall;
import org.oscar.contract.wire.NoticeMessage;
import org.oscar.contract.wire.NoticeState;
import org.oscar.contract.wire.TaskAction;
import org.oscar.stream.dispatch.engine.IncidentOps.Pick;
import org.oscar.stream.dispatch.model.Assignment;
import org.oscar.stream.dispatch.model.IncidentState;
import org.oscar.stream.dispatch.model.Phase;
import org.oscar.stream.dispatch.model.UnitState;
import org.oscar.stream.event.DeviceEvent;
import org.oscar.stream.geo.GeoDistance;

/**
 * What her device says after the press. She moves: the incident follows her, units on their way are
 * re-routed, and a much nearer free unit takes over. She cancels: with her cancel PIN the incident
 * ends; with her duress PIN the device is told it was cancelled while the rescue goes on as a
 * serious case; with a wrong PIN nothing changes but the timeline.
 */
final class SurvivorRules {
  private final IncidentOps ops;
  private final PressRules presses;

  SurvivorRules(IncidentOps ops, PressRules presses) {
    this.ops = ops;
    this.presses = presses;
  }

  void position(DeviceEvent e, Step s) {
    IncidentState inc = activeIncident(e, s);
    if (inc == null || inc.phase != Phase.OPEN) {
      // A heartbeat, or she is already with a unit: the unit's position is what matters now.
      return;
    }
    if (inc.locationUnknown) {
      presses.locate(
          inc, e.lat(), e.lon(), device(e.deviceId()), "her device reported a position", s);
      ops.tellSurvivor(inc, s);
      return;
    }
    if (GeoDistance.meters(inc.lat, inc.lon, e.lat(), e.lon()) < ops.policy(inc).survivorMoveM()) {
      return;
    }
    inc.lat = e.lat();
    inc.lon = e.lon();
    inc.log(s.now, "MOVED", device(e.deviceId()), "her device reported a new position");
    String jurisdiction = ops.area.jurisdictions().at(e.lat(), e.lon()).orElse(null);
    if (!Objects.equals(jurisdiction, inc.jurisdiction)) {
      inc.jurisdiction = jurisdiction;
      inc.log(s.now, "JURISDICTION", IncidentOps.SYSTEM, "now " + jurisdiction);
    }
    s.changed(inc);
    for (Assignment a : new ArrayList<>(inc.assignments)) {
      if (!a.arrived()) {
        reroute(inc, a, s);
      }
    }
    ops.tellSurvivor(inc, s);
  }

  /**
   * Re-routes a unit to her new place with a new promise. Rule for takeover: a free unit of the
   * same role whose ETA is below {@code takeoverRatio} of the assigned unit's and at least {@code
   * takeoverMinGainS} sooner replaces it (no strike: the unit did nothing wrong).
   */
  private void reroute(IncidentState inc, Assignment a, Step s) {
    UnitState u = s.book.unit(a.unitId);
    a.etaS = ops.eta(u, inc);
    Pick challenger = ops.best(inc, a.role, s);
    if (challenger != null
        && challenger.etaS() < a.etaS * ops.policy(inc).takeoverRatio()
        && a.etaS - challenger.etaS() >= ops.policy(inc).takeoverMinGainS()) {
      ops.withdraw(
          inc, a, "taken over by " + challenger.unit().unitId() + " after she moved", false, s);
      ops.assign(inc, a.role, challenger, s);
      return;
    }
    a.lastEtaSentS = a.etaS;
    a.promisedArrivalAt = s.now + a.etaS * 1000;
    a.promisedEtaS = a.etaS;
    a.progressDistanceM = GeoDistance.meters(u.lat(), u.lon(), inc.lat, inc.lon);
    a.progressAt = s.now;
    s.out.task(a.unitId, ops.task(inc, a, TaskAction.UPDATE, s.now));
  }

  void cancel(DeviceEvent e, Step s) {
    IncidentState inc = activeIncident(e, s);
    if (inc == null) {
      return;
    }
    String who = device(e.deviceId());
    switch (e.cancel()) {
      case VALID -> ops.end(inc, Phase.CANCELLED, "cancelled with her PIN", who, s);
      case DURESS -> {
        // The device shows exactly what a real cancel shows; everything else goes on.
        s.out.notice(
            inc.deviceId, new NoticeMessage(inc.incidentId, NoticeState.CANCELLED, null, s.now));
        inc.duress = true;
        inc.log(s.now, "DURESS", who, "duress PIN: device shown CANCELLED, rescue continues");
        s.changed(inc);
        ops.markSerious(inc, "duress PIN entered", false, s);
        ops.callControlRoom(
            inc, ControlRoomCall.DURESS, "duress cancel: her device shows cancelled", s);
      }
      case WRONG -> {
        inc.log(s.now, "CANCEL_REFUSED", who, "wrong PIN");
        s.changed(inc);
      }
    }
  }

  /**
   * Her device dropping off (or coming back) is on the record; the rescue does not depend on it.
   */
  void presence(DeviceEvent e, Step s) {
    IncidentState inc = activeIncident(e, s);
    if (inc != null) {
      inc.log(
          s.now,
          e.online() ? "DEVICE_ONLINE" : "DEVICE_OFFLINE",
          device(e.deviceId()),
          e.online() ? "her device is back" : "her device dropped off the network");
      s.changed(inc);
    }
  }

  private static IncidentState activeIncident(DeviceEvent e, Step s) {
    IncidentState inc = s.incident(s.book.incidentOfDevice(e.deviceId()));
    return inc != null && inc.isActive() ? inc : null;
  }
}
