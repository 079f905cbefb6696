package org.oscar.stream.dispatch.engine;

import java.util.ArrayList;
import org.oscar.contract.alert.AlertKind;
import org.oscar.stream.dispatch.model.Assignment;
import org.oscar.stream.dispatch.model.AssignmentStatus;
import org.oscar.stream.dispatch.model.IncidentState;
import org.oscar.stream.dispatch.model.Phase;

/**
 * What happens when time passes with no message: a task not acknowledged in time goes to the next
 * unit; a response that stalls (no unit free, a unit not closing the distance, a unit late past its
 * promise) climbs the escalation ladder a rung at a time; a call to the control room nobody takes
 * in time goes to its shift supervisor, once per call; an ended incident is forgotten after the
 * reopen window. {@link #deadline} names the next moment any of this can happen, so a timer can
 * wake the engine exactly then.
 */
final class DeadlineRules {
  private final IncidentOps ops;

  DeadlineRules(IncidentOps ops) {
    this.ops = ops;
  }

  void advance(IncidentState inc, Step s) {
    if (!inc.isActive()) {
      if (s.now >= forgetAt(inc)) {
        s.forget(inc);
        if (inc.incidentId.equals(s.book.incidentOfDevice(inc.deviceId))) {
          s.book.unlinkDevice(inc.deviceId);
        }
      }
      return;
    }
    for (Assignment a : new ArrayList<>(inc.assignments)) {
      if (a.status == AssignmentStatus.ASSIGNED && s.now >= a.ackBy) {
        ops.replace(inc, a, "no acknowledgement within " + ops.policy(inc).ackTimeoutS() + " s", s);
      }
    }
    String stalled = stall(inc, s.now);
    if (stalled != null) {
      ops.climbLadder(inc, stalled, s);
    }
    if (callWaiting(inc) && s.now >= untakenAt(inc)) {
      inc.callEscalated = true;
      ops.alert(
          inc,
          AlertKind.UNTAKEN,
          "UNTAKEN",
          ops.policy(inc).untakenRoles(),
          "no operator took the call for " + ops.policy(inc).untakenS() + " s: " + inc.callWhy,
          s);
    }
  }

  /** A call to the control room nobody has taken, whose supervisor has not been told yet. */
  private static boolean callWaiting(IncidentState inc) {
    return inc.callKind != null && inc.takenBy == null && !inc.callEscalated;
  }

  private long untakenAt(IncidentState inc) {
    return inc.callSince + ops.policy(inc).untakenS() * 1000L;
  }

  /** Why the response is stalled at {@code now}, or null if it is not. */
  private String stall(IncidentState inc, long now) {
    if (inc.locationUnknown) {
      return now >= inc.nextRungAt ? "her location is still unknown" : null;
    }
    if (!inc.pendingRoles.isEmpty()) {
      return "no " + inc.pendingRoles + " unit available";
    }
    if (inc.phase != Phase.OPEN && inc.phase != Phase.ON_SCENE) {
      return null;
    }
    for (Assignment a : inc.assignments) {
      if (a.arrived()) {
        continue;
      }
      if (now >= stallAt(inc, a)) {
        return a.unitId
            + " has not closed the distance for "
            + ops.policy(inc).stallWindowS()
            + " s";
      }
      if (now >= lateAt(inc, a)) {
        return a.unitId + " is late past its promised arrival";
      }
    }
    return null;
  }

  /** The next time {@link #advance} would change this incident; Long.MAX_VALUE if never. */
  long deadline(IncidentState inc) {
    if (!inc.isActive()) {
      return forgetAt(inc);
    }
    long next = Long.MAX_VALUE;
    boolean stepLeft = IncidentOps.hasStepLeft(inc, ops.policy(inc));
    if (stepLeft && (!inc.pendingRoles.isEmpty() || inc.locationUnknown)) {
      next = inc.nextRungAt;
    }
    if (callWaiting(inc)) {
      next = Math.min(next, untakenAt(inc));
    }
    for (Assignment a : inc.assignments) {
      if (a.status == AssignmentStatus.ASSIGNED) {
        next = Math.min(next, a.ackBy);
      }
      if (stepLeft && !a.arrived() && (inc.phase == Phase.OPEN || inc.phase == Phase.ON_SCENE)) {
        long overdue = Math.min(stallAt(inc, a), lateAt(inc, a));
        next = Math.min(next, Math.max(overdue, inc.nextRungAt));
      }
    }
    return next;
  }

  private long stallAt(IncidentState inc, Assignment a) {
    return a.progressAt + ops.policy(inc).stallWindowS() * 1000L;
  }

  private long lateAt(IncidentState inc, Assignment a) {
    return a.promisedArrivalAt + ops.policy(inc).etaMarginMs(a.promisedEtaS);
  }

  private long forgetAt(IncidentState inc) {
    return inc.endedAt + ops.policy(inc).reopenWindowS() * 1000L;
  }
}
