package org.oscar.stream.dispatch;

import java.util.List;
import org.oscar.contract.live.AssignmentView;

/**
 * What to do about one press: the incident it opens, its police jurisdiction (null outside every
 * known one) and the units to assign, police first. No assignment means no unit was available.
 */
public record DispatchPlan(
    String incidentId, String jurisdiction, List<AssignmentView> assignments) {
  public DispatchPlan {
    assignments = List.copyOf(assignments);
  }

  /** The soonest any assigned unit is expected, in seconds, or null if none is assigned. */
  public Long firstEtaS() {
    return assignments.stream().map(AssignmentView::etaS).min(Long::compare).orElse(null);
  }
}
