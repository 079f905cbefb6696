package org.oscar.stream.dispatch.engine;

import static org.oscar.stream.dispatch.engine.IncidentOps.device;

import java.util.ArrayList;
import java.util.List;
import org.oscar.contract.alert.AlertKind;
import org.oscar.contract.alert.OfficialPost;
import org.oscar.contract.live.ControlRoomCall;
import org.oscar.contract.live.IncidentIds;
import org.oscar.contract.wire.Role;
import org.oscar.stream.dispatch.model.IncidentState;
import org.oscar.stream.dispatch.model.Phase;
import org.oscar.stream.dispatch.reference.Facility;
import org.oscar.stream.dispatch.reference.RegionProfile;
import org.oscar.stream.event.DeviceEvent;
import org.oscar.stream.geo.GeoDistance;

/**
 * A press opens an incident, joins her open one, or reopens the one that ended moments ago: one
 * emergency is one incident. A redelivered press (a sequence number already taken) changes nothing.
 *
 * <p>A press without a position (no fix yet, indoors) still opens the incident at once: she is told
 * it was RECEIVED, the control room sees "location unknown" and is asked to call her back, the
 * officials are alerted, and the ladder climbs while no place is known. Units are sent the moment a
 * position arrives ({@link #locate}): from her device, a later press, or an operator.
 */
final class PressRules {
  private static final Role[] FIRST_RESPONSE = {Role.POLICE, Role.AMBULANCE};

  private final IncidentOps ops;

  PressRules(IncidentOps ops) {
    this.ops = ops;
  }

  static String incidentId(String deviceId, long pressSeq) {
    return IncidentIds.ofPress(deviceId, pressSeq);
  }

  void press(DeviceEvent e, Step s) {
    IncidentState inc = s.incident(s.book.incidentOfDevice(e.deviceId()));
    if (inc != null && inc.pressSeqs.contains(e.seq())) {
      // The same press again: a redelivery, or her device resending because it heard nothing
      // (the notice may have been lost with a broker). Nothing changes; she is told again.
      ops.confirmToSurvivor(inc, s);
      return;
    }
    if (inc != null && inc.isActive()) {
      join(inc, e, s);
    } else if (inc != null && s.now - inc.endedAt < ops.policy(inc).reopenWindowS() * 1000L) {
      reopen(inc, e, s);
    } else {
      open(
          e,
          s,
          device(e.deviceId()),
          withNote(e.injured() ? "panic press, injured" : "panic press", e),
          null);
    }
  }

  /**
   * An incident an operator opened for a helpline call or a walk-in: dispatched exactly like a
   * press at the place the operator picked. The call's id makes a replay of the command a no-op.
   */
  void openByOperator(DeviceEvent e, Step s) {
    if (s.book.incidentOfDevice(e.deviceId()) != null) {
      return;
    }
    open(e, s, IncidentOps.operator(e.operator()), e.note(), e.operator());
  }

  /**
   * {@code takenBy}: the operator who opened it, whose call it is from the start; null for a press,
   * which rings in the control room until someone takes it.
   */
  private void open(DeviceEvent e, Step s, String who, String why, String takenBy) {
    IncidentState inc = new IncidentState();
    inc.incidentId = incidentId(e.deviceId(), e.seq());
    inc.deviceId = e.deviceId();
    // Where she pressed (validation placed the press in the region holding her position), else her
    // device's own region; fixed for the incident's life.
    inc.region = e.region();
    inc.district = ops.area.profile(inc.region).district();
    inc.injured = e.injured();
    inc.phase = Phase.OPEN;
    inc.openedAt = s.now;
    inc.pressSeqs.add(e.seq());
    s.book.linkDevice(e.deviceId(), inc.incidentId);
    if (e.hasPosition()) {
      place(inc, e.lat(), e.lon());
      inc.log(s.now, "OPENED", who, why);
    } else {
      inc.locationUnknown = true;
      inc.log(s.now, "OPENED", who, why);
      inc.log(
          s.now,
          "LOCATION_UNKNOWN",
          IncidentOps.SYSTEM,
          "no unit sent until her position arrives; call her back");
      // The ladder climbs if no place is known by the time a unit would have had to acknowledge.
      inc.nextRungAt = s.now + ops.policy(inc).ackTimeoutS() * 1000L;
    }
    s.changed(inc);
    ops.callControlRoom(
        inc, ControlRoomCall.NEW, inc.injured ? "new press, injured" : "new emergency", s);
    if (takenBy != null) {
      inc.takenBy = takenBy;
      inc.takenAt = s.now;
    }
    if (inc.locationUnknown) {
      ops.tellSurvivor(inc, s);
    } else {
      dispatch(inc, s);
    }
    String opened = inc.locationUnknown ? "incident opened, location unknown" : "incident opened";
    if (inc.injured) {
      ops.markSerious(inc, inc.locationUnknown ? "injured, location unknown" : "injured", true, s);
    } else {
      ops.alert(inc, AlertKind.OPENED, "OPENED", ops.policy(inc).openRoles(), opened, s);
    }
    if (!inc.pendingRoles.isEmpty()) {
      ops.climbLadder(inc, "no " + inc.pendingRoles + " unit available", s);
    }
  }

  /**
   * The place of an incident whose location was unknown: the jurisdiction, OSC and hospital that
   * serve it, and the first response, as a press with a position would have had at once. The SHO of
   * the place, unknown when the officials were first alerted, is alerted now.
   */
  void locate(IncidentState inc, double lat, double lon, String who, String why, Step s) {
    inc.locationUnknown = false;
    place(inc, lat, lon);
    inc.log(s.now, "LOCATED", who, why + (inc.jurisdiction == null ? "" : ", " + inc.jurisdiction));
    s.changed(inc);
    dispatch(inc, s);
    if (inc.jurisdiction != null && ops.policy(inc).openRoles().contains(OfficialPost.SHO)) {
      ops.alert(
          inc,
          AlertKind.OPENED,
          "LOCATED",
          List.of(OfficialPost.SHO),
          "her location is now known",
          s);
    }
    if (!inc.pendingRoles.isEmpty()) {
      ops.climbLadder(inc, "no " + inc.pendingRoles + " unit available", s);
    }
  }

  private void place(IncidentState inc, double lat, double lon) {
    inc.lat = lat;
    inc.lon = lon;
    RegionProfile profile = ops.area.profile(inc.region);
    inc.jurisdiction = ops.area.jurisdictions().at(lat, lon).orElse(null);
    inc.osc = nearest(profile.oscs(), lat, lon).view("OSC");
    inc.hospital = inc.injured ? nearest(profile.hospitals(), lat, lon).view("HOSPITAL") : null;
  }

  private static String withNote(String why, DeviceEvent e) {
    return e.note() == null || e.note().isEmpty() ? why : why + " (" + e.note() + ")";
  }

  private void dispatch(IncidentState inc, Step s) {
    for (Role role : FIRST_RESPONSE) {
      ops.assignBest(inc, role, s);
    }
    ops.tellSurvivor(inc, s);
  }

  private void join(IncidentState inc, DeviceEvent e, Step s) {
    inc.pressSeqs.add(e.seq());
    inc.log(s.now, "PRESSED_AGAIN", device(e.deviceId()), withNote("same emergency", e));
    s.changed(inc);
    if (e.injured() && !inc.injured) {
      inc.injured = true;
      inc.hospital =
          inc.locationUnknown
              ? null
              : nearest(ops.area.profile(inc.region).hospitals(), inc.lat, inc.lon)
                  .view("HOSPITAL");
      if (!inc.serious) {
        ops.markSerious(inc, "injured", false, s);
      }
    }
    if (inc.locationUnknown && e.hasPosition()) {
      locate(inc, e.lat(), e.lon(), device(e.deviceId()), "her press gave a position", s);
    }
    ops.confirmToSurvivor(inc, s);
  }

  private void reopen(IncidentState inc, DeviceEvent e, Step s) {
    inc.pressSeqs.add(e.seq());
    inc.phase = Phase.OPEN;
    inc.endedAt = 0;
    inc.duress = false;
    inc.injured = inc.injured || e.injured();
    inc.excludedUnits.clear();
    String why = "pressed again soon after it ended";
    if (e.hasPosition()) {
      inc.locationUnknown = false;
      place(inc, e.lat(), e.lon());
    } else if (!inc.locationUnknown) {
      // Minutes old at most (the reopen window): where to send help until she is heard again.
      why += "; no position in the press, the incident's last place is used";
    }
    inc.log(s.now, "REOPENED", device(e.deviceId()), withNote(why, e));
    s.changed(inc);
    ops.callControlRoom(inc, ControlRoomCall.REOPENED, "pressed again soon after it ended", s);
    if (inc.locationUnknown) {
      inc.nextRungAt = Math.max(inc.nextRungAt, s.now + ops.policy(inc).ackTimeoutS() * 1000L);
      ops.tellSurvivor(inc, s);
    } else {
      dispatch(inc, s);
    }
    ops.alert(
        inc,
        AlertKind.OPENED,
        "REOPENED",
        new ArrayList<>(ops.policy(inc).openRoles()),
        "incident reopened",
        s);
    if (!inc.pendingRoles.isEmpty()) {
      ops.climbLadder(inc, "no " + inc.pendingRoles + " unit available", s);
    }
  }

  static Facility nearest(Iterable<Facility> facilities, double lat, double lon) {
    Facility best = null;
    double bestM = Double.POSITIVE_INFINITY;
    for (Facility f : facilities) {
      double m = GeoDistance.meters(lat, lon, f.lat(), f.lon());
      if (m < bestM) {
        best = f;
        bestM = m;
      }
    }
    return best;
  }
}
