package org.oscar.stream.dispatch.engine;

import static org.oscar.stream.dispatch.engine.IncidentOps.device;

import java.util.ArrayList;
import org.oscar.contract.alert.AlertKind;
import org.oscar.contract.wire.Role;
import org.oscar.stream.dispatch.model.IncidentState;
import org.oscar.stream.dispatch.model.Phase;
import org.oscar.stream.dispatch.reference.Facility;
import org.oscar.stream.dispatch.reference.RegionProfile;
import org.oscar.stream.geo.GeoDistance;
import org.oscar.stream.geo.Jurisdictions;
import org.oscar.stream.validate.DeviceEvent;

/**
 * A press opens an incident, joins her open one, or reopens the one that ended moments ago: one
 * emergency is one incident. A redelivered press (a sequence number already taken) changes nothing.
 */
final class PressRules {
  private static final Role[] FIRST_RESPONSE = {Role.POLICE, Role.AMBULANCE};

  private final IncidentOps ops;
  private final RegionProfile profile;
  private final Jurisdictions jurisdictions;

  PressRules(IncidentOps ops, RegionProfile profile, Jurisdictions jurisdictions) {
    this.ops = ops;
    this.profile = profile;
    this.jurisdictions = jurisdictions;
  }

  static String incidentId(String deviceId, long pressSeq) {
    return "INC-" + deviceId + "-" + pressSeq;
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
    } else if (inc != null && s.now - inc.endedAt < ops.policy.reopenWindowS() * 1000L) {
      reopen(inc, e, s);
    } else {
      open(e, s, device(e.deviceId()), e.injured() ? "panic press, injured" : "panic press");
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
    open(e, s, IncidentOps.operator(e.operator()), e.note());
  }

  private void open(DeviceEvent e, Step s, String who, String why) {
    IncidentState inc = new IncidentState();
    inc.incidentId = incidentId(e.deviceId(), e.seq());
    inc.deviceId = e.deviceId();
    inc.region = profile.region();
    inc.district = profile.district();
    inc.lat = e.lat();
    inc.lon = e.lon();
    inc.injured = e.injured();
    inc.phase = Phase.OPEN;
    inc.openedAt = s.now;
    inc.jurisdiction = jurisdictions.at(e.lat(), e.lon()).orElse(null);
    inc.osc = nearest(profile.oscs(), e.lat(), e.lon()).view("OSC");
    inc.hospital =
        e.injured() ? nearest(profile.hospitals(), e.lat(), e.lon()).view("HOSPITAL") : null;
    inc.pressSeqs.add(e.seq());
    inc.log(s.now, "OPENED", who, why);
    s.book.linkDevice(e.deviceId(), inc.incidentId);
    s.changed(inc);
    dispatch(inc, s);
    if (inc.injured) {
      ops.markSerious(inc, "injured", true, s);
    } else {
      ops.alert(inc, AlertKind.OPENED, "OPENED", ops.policy.openRoles(), "incident opened", s);
    }
    if (!inc.pendingRoles.isEmpty()) {
      ops.climbLadder(inc, "no " + inc.pendingRoles + " unit available", s);
    }
  }

  private void dispatch(IncidentState inc, Step s) {
    for (Role role : FIRST_RESPONSE) {
      ops.assignBest(inc, role, s);
    }
    ops.tellSurvivor(inc, s);
  }

  private void join(IncidentState inc, DeviceEvent e, Step s) {
    inc.pressSeqs.add(e.seq());
    inc.log(s.now, "PRESSED_AGAIN", device(e.deviceId()), "same emergency");
    s.changed(inc);
    if (e.injured() && !inc.injured) {
      inc.injured = true;
      inc.hospital = nearest(profile.hospitals(), inc.lat, inc.lon).view("HOSPITAL");
      if (!inc.serious) {
        ops.markSerious(inc, "injured", false, s);
      }
    }
    ops.confirmToSurvivor(inc, s);
  }

  private void reopen(IncidentState inc, DeviceEvent e, Step s) {
    inc.pressSeqs.add(e.seq());
    inc.phase = Phase.OPEN;
    inc.endedAt = 0;
    inc.duress = false;
    inc.lat = e.lat();
    inc.lon = e.lon();
    inc.jurisdiction = jurisdictions.at(e.lat(), e.lon()).orElse(null);
    inc.injured = inc.injured || e.injured();
    inc.excludedUnits.clear();
    inc.log(s.now, "REOPENED", device(e.deviceId()), "pressed again soon after it ended");
    s.changed(inc);
    dispatch(inc, s);
    ops.alert(
        inc,
        AlertKind.OPENED,
        "REOPENED",
        new ArrayList<>(ops.policy.openRoles()),
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
