package org.oscar.stream.dispatch.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.oscar.contract.alert.AlertEvent;
import org.oscar.contract.alert.AlertKind;
import org.oscar.contract.live.AssignmentView;
import org.oscar.contract.live.ControlRoomCall;
import org.oscar.contract.live.FacilityView;
import org.oscar.contract.live.IncidentView;
import org.oscar.contract.region.DispatchPolicy;
import org.oscar.contract.wire.Destination;
import org.oscar.contract.wire.NoticeMessage;
import org.oscar.contract.wire.NoticeState;
import org.oscar.contract.wire.Role;
import org.oscar.contract.wire.TaskAction;
import org.oscar.contract.wire.TaskMessage;
import org.oscar.stream.dispatch.eta.TravelTimeEstimator;
import org.oscar.stream.dispatch.model.Assignment;
import org.oscar.stream.dispatch.model.AssignmentStatus;
import org.oscar.stream.dispatch.model.IncidentState;
import org.oscar.stream.dispatch.model.Phase;
import org.oscar.stream.dispatch.model.UnitState;
import org.oscar.stream.dispatch.reference.DispatchArea;
import org.oscar.stream.dispatch.spatial.UnitGridIndex.Candidate;
import org.oscar.stream.geo.GeoDistance;

/**
 * The moves every rule is made of: assign the best unit, withdraw one, tell the survivor, alert
 * officials, climb the ladder, end the incident. Each records itself on the timeline.
 */
final class IncidentOps {
  static final String SYSTEM = "system";

  final DispatchArea area;
  private final TravelTimeEstimator travelTime;

  IncidentOps(DispatchArea area, TravelTimeEstimator travelTime) {
    this.area = area;
    this.travelTime = travelTime;
  }

  /** The policy of the incident's region: each district of a dispatch region keeps its own. */
  DispatchPolicy policy(IncidentState inc) {
    return area.profile(inc.region).policy();
  }

  static String unit(String unitId) {
    return "unit:" + unitId;
  }

  static String operator(String name) {
    return "operator:" + name;
  }

  static String device(String deviceId) {
    return "device:" + deviceId;
  }

  /** A free unit for the role and its ETA, best first: the one that would arrive soonest. */
  record Pick(UnitState unit, long etaS) {}

  /**
   * Among units of every region of the dispatch region if the incident's policy lets this role
   * cross a district border, else among the units of the incident's own region.
   */
  Pick best(IncidentState inc, Role role, Step s) {
    DispatchPolicy policy = policy(inc);
    List<Candidate> near =
        policy.crossesBorder(role)
            ? s.book
                .index()
                .nearest(role, inc.lat, inc.lon, policy.candidates(), inc.excludedUnits::contains)
            : s.book
                .index()
                .nearest(
                    role,
                    inc.region,
                    inc.lat,
                    inc.lon,
                    policy.candidates(),
                    inc.excludedUnits::contains);
    Pick best = null;
    for (Candidate c : near) {
      UnitState u = s.book.unit(c.unitId());
      long eta = eta(u, inc);
      if (best == null
          || eta < best.etaS()
          || (eta == best.etaS() && u.unitId().compareTo(best.unit().unitId()) < 0)) {
        best = new Pick(u, eta);
      }
    }
    return best;
  }

  long eta(UnitState u, IncidentState inc) {
    return travelTime.etaSeconds(u.kind(), u.lat(), u.lon(), inc.lat, inc.lon);
  }

  /** Assigns the best free unit to the role; returns false (role left pending) if there is none. */
  boolean assignBest(IncidentState inc, Role role, Step s) {
    Pick pick = best(inc, role, s);
    if (pick == null) {
      if (!inc.pendingRoles.contains(role)) {
        inc.pendingRoles.add(role);
        inc.log(s.now, "NO_UNIT", SYSTEM, "no " + role + " unit available");
      }
      return false;
    }
    inc.pendingRoles.remove(role);
    assign(inc, role, pick, s);
    return true;
  }

  void assign(IncidentState inc, Role role, Pick pick, Step s) {
    UnitState u = pick.unit();
    Assignment a = new Assignment();
    a.assignmentId =
        inc.incidentId + "-" + role.name().charAt(0) + (++inc.assignmentCount) + "-" + u.unitId();
    a.unitId = u.unitId();
    a.role = role;
    a.status = AssignmentStatus.ASSIGNED;
    a.assignedAt = s.now;
    a.ackBy = s.now + policy(inc).ackTimeoutMs();
    a.etaS = pick.etaS();
    a.lastEtaSentS = pick.etaS();
    a.promisedArrivalAt = s.now + pick.etaS() * 1000;
    a.promisedEtaS = pick.etaS();
    a.progressDistanceM = GeoDistance.meters(u.lat(), u.lon(), inc.lat, inc.lon);
    a.progressAt = s.now;
    inc.assignments.add(a);
    s.book.putUnit(u.assignedTo(inc.incidentId));
    s.out.task(u.unitId(), task(inc, a, TaskAction.ASSIGN, s.now));
    inc.log(s.now, "ASSIGNED", unit(u.unitId()), role + ", ETA " + pick.etaS() + " s");
    s.changed(inc);
  }

  /**
   * Takes a unit off the incident. With {@code strike} the unit failed it (declined, silent, went
   * away) and is never asked again for this incident; without, it was relieved (taken over, case
   * ended) and owes nothing.
   */
  void withdraw(IncidentState inc, Assignment a, String why, boolean strike, Step s) {
    inc.assignments.remove(a);
    UnitState u = s.book.unit(a.unitId);
    if (u != null) {
      s.book.putUnit(strike ? u.struck() : u.released());
    }
    if (strike) {
      inc.excludedUnits.add(a.unitId);
    }
    s.out.task(a.unitId, task(inc, a, TaskAction.WITHDRAW, s.now));
    inc.log(s.now, strike ? "WITHDRAWN_STRIKE" : "WITHDRAWN", unit(a.unitId), why);
    s.changed(inc);
  }

  /** A unit that failed its assignment: withdraw it with a strike and ask the next one. */
  void replace(IncidentState inc, Assignment a, String why, Step s) {
    withdraw(inc, a, why, true, s);
    if (assignBest(inc, a.role, s)) {
      tellSurvivor(inc, s);
    }
  }

  /** A unit that finished: released without a strike; the case closes when the last one is. */
  void release(IncidentState inc, Assignment a, String why, Step s) {
    inc.assignments.remove(a);
    UnitState u = s.book.unit(a.unitId);
    if (u != null) {
      s.book.putUnit(u.released());
    }
    inc.log(s.now, "RELEASED", unit(a.unitId), why);
    s.changed(inc);
    if (inc.assignments.isEmpty() && inc.phase.isPastArrival()) {
      end(inc, Phase.CLOSED, "every unit released after " + inc.phase, unit(a.unitId), s);
    }
  }

  TaskMessage task(IncidentState inc, Assignment a, TaskAction action, long now) {
    return new TaskMessage(
        a.assignmentId,
        inc.incidentId,
        a.role,
        action,
        inc.lat,
        inc.lon,
        a.etaS,
        a.ackBy,
        destination(inc),
        now);
  }

  static Destination destination(IncidentState inc) {
    FacilityView f = inc.hospital != null ? inc.hospital : inc.osc;
    return f == null ? null : new Destination(f.kind(), f.name(), f.lat(), f.lon());
  }

  /**
   * Tells her device how things stand if that changed since she was last told (state, or an ETA
   * that moved materially), unless she is under duress: then the device must keep looking
   * cancelled.
   */
  void tellSurvivor(IncidentState inc, Step s) {
    notifySurvivor(inc, s, false);
  }

  /** Tells her device how things stand even if nothing changed: she pressed again. */
  void confirmToSurvivor(IncidentState inc, Step s) {
    notifySurvivor(inc, s, true);
  }

  private void notifySurvivor(IncidentState inc, Step s, boolean always) {
    if (inc.duress) {
      return;
    }
    Long eta = soonestEta(inc);
    NoticeState state;
    if (inc.phase.isTerminal()) {
      state = inc.phase == Phase.CANCELLED ? NoticeState.CANCELLED : NoticeState.CLOSED;
      eta = null;
    } else if (inc.phase.isPastArrival()) {
      // Once help has reached her it has reached her, even if that unit has left since.
      state = NoticeState.UNIT_ARRIVED;
      eta = null;
    } else {
      state = eta == null ? NoticeState.RECEIVED : NoticeState.HELP_COMING;
    }
    String told = state + (eta == null ? "" : ":" + eta);
    if (!always && told.equals(inc.lastNotice)) {
      return;
    }
    inc.lastNotice = told;
    s.changed(inc);
    s.out.notice(inc.deviceId, new NoticeMessage(inc.incidentId, state, eta, s.now));
  }

  static Long soonestEta(IncidentState inc) {
    return inc.assignments.stream()
        .filter(a -> !a.arrived())
        .map(a -> a.etaS)
        .min(Comparator.naturalOrder())
        .orElse(null);
  }

  void alert(
      IncidentState inc, AlertKind kind, String level, List<String> roles, String why, Step s) {
    if (roles.isEmpty()) {
      return;
    }
    for (String r : roles) {
      if (!inc.alertedRoles.contains(r)) {
        inc.alertedRoles.add(r);
      }
    }
    s.out.alert(AlertEvent.of(kind, level, roles, why, view(inc)));
    inc.log(s.now, "ALERTED_" + kind, SYSTEM, String.join(", ", roles) + ": " + why);
    s.changed(inc);
  }

  /** Alerts every official for serious cases at once (with the open roles if just opened). */
  void markSerious(IncidentState inc, String why, boolean justOpened, Step s) {
    inc.serious = true;
    Set<String> roles = new LinkedHashSet<>();
    if (justOpened) {
      roles.addAll(policy(inc).openRoles());
    }
    roles.addAll(policy(inc).seriousRoles());
    alert(inc, AlertKind.SERIOUS, "SERIOUS", new ArrayList<>(roles), why, s);
  }

  /**
   * Calls the control room to the case: its page rings until an operator takes the call. A call
   * replaces the one before, taken or not: there is something new to look at.
   */
  void callControlRoom(IncidentState inc, String kind, String why, Step s) {
    inc.callKind = kind;
    inc.callWhy = why;
    inc.callSince = s.now;
    inc.takenBy = null;
    inc.takenAt = 0;
    inc.callEscalated = false;
    s.changed(inc);
  }

  /**
   * Whether a stuck response has a step left: a rung of the ladder, or, once every rung has been
   * alerted, calling the control room again after an operator took its call. An untaken call is
   * still ringing and needs nothing more, so a case nobody works ends its steps there.
   */
  static boolean hasStepLeft(IncidentState inc, DispatchPolicy policy) {
    return inc.ladderRung < policy.ladder().size() || inc.takenBy != null;
  }

  /**
   * One rung up the ladder, if the last rung is long enough ago. Once every rung has been alerted,
   * no official is alerted again (one alert each, not one per step), but a taken call rings again
   * each step for as long as the response stays stuck: it must not go quiet while nothing moves.
   */
  void climbLadder(IncidentState inc, String why, Step s) {
    DispatchPolicy policy = policy(inc);
    if (s.now < inc.nextRungAt || !hasStepLeft(inc, policy)) {
      return;
    }
    if (inc.ladderRung >= policy.ladder().size()) {
      inc.nextRungAt = s.now + policy.ladderStepS() * 1000L;
      callControlRoom(inc, stuckKind(inc), why + "; every post on the ladder was alerted", s);
      return;
    }
    List<String> roles = new ArrayList<>();
    roles.add(policy.ladder().get(inc.ladderRung));
    if (inc.ladderRung == 0 && inc.injured) {
      policy.medicalRoles().stream().filter(r -> !roles.contains(r)).forEach(roles::add);
    }
    inc.ladderRung++;
    inc.nextRungAt = s.now + policy.ladderStepS() * 1000L;
    alert(inc, AlertKind.ESCALATED, "ESCALATION-" + inc.ladderRung, roles, why, s);
    callControlRoom(inc, stuckKind(inc), why, s);
  }

  private static String stuckKind(IncidentState inc) {
    if (!inc.pendingRoles.isEmpty()) {
      return ControlRoomCall.NO_UNIT;
    }
    return inc.locationUnknown ? ControlRoomCall.LOCATION_UNKNOWN : ControlRoomCall.STALLED;
  }

  /**
   * Closes or cancels: every unit still on it is withdrawn, she is told, the clock for clean-up
   * starts.
   */
  void end(IncidentState inc, Phase phase, String why, String who, Step s) {
    for (Assignment a : new ArrayList<>(inc.assignments)) {
      withdraw(inc, a, "incident " + phase, false, s);
    }
    inc.pendingRoles.clear();
    inc.phase = phase;
    inc.endedAt = s.now;
    // Nothing left to take: an ended case does not ring (a reopen calls again).
    inc.callKind = null;
    inc.log(s.now, phase.name(), who, why);
    s.changed(inc);
    if (phase == Phase.CANCELLED && !inc.alertedRoles.isEmpty()) {
      alert(inc, AlertKind.CANCELLED, "CANCELLED", List.copyOf(inc.alertedRoles), why, s);
    }
    tellSurvivor(inc, s);
  }

  static IncidentView view(IncidentState inc) {
    List<AssignmentView> assignments = new ArrayList<>();
    for (Assignment a : inc.assignments) {
      assignments.add(
          new AssignmentView(a.assignmentId, a.unitId, a.role, a.status.name(), a.etaS, a.ackBy));
    }
    return new IncidentView(
        inc.incidentId,
        inc.region,
        inc.district,
        inc.deviceId,
        inc.phase.name(),
        inc.lat,
        inc.lon,
        inc.injured,
        inc.serious,
        inc.jurisdiction,
        inc.osc,
        inc.hospital,
        inc.openedAt,
        assignments,
        inc.timeline,
        inc.locationUnknown,
        List.copyOf(inc.alertedRoles),
        inc.callKind == null
            ? null
            : new ControlRoomCall(
                inc.callKind, inc.callWhy, inc.callSince, inc.takenBy, inc.takenAt));
  }
}
