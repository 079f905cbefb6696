package org.oscar.alert.cases.workflow;

import org.oscar.alert.cases.CaseProblem;
import org.oscar.alert.cases.model.AgeBand;
import org.oscar.alert.cases.model.CaseState;
import org.oscar.alert.cases.model.ClosureReason;

/**
 * Which state changes a user may make. Services come in whatever order she needs them, so any open
 * state may follow any other; closing needs a reason; a closed case only reopens, as REGISTERED.
 * RESCUE belongs to the press: no user puts a case back into it.
 */
public final class CaseWorkflow {
  private CaseWorkflow() {}

  public static void checkTransition(CaseState from, CaseState to, ClosureReason reason) {
    if (to == from) {
      throw CaseProblem.invalid("state", "the case is already " + from);
    }
    if (to == CaseState.RESCUE) {
      throw CaseProblem.invalid("state", "only a press opens a case in RESCUE");
    }
    if (from == CaseState.CLOSED && to != CaseState.REGISTERED) {
      throw CaseProblem.invalid("state", "a closed case is reopened as REGISTERED first");
    }
    if (to == CaseState.CLOSED && reason == null) {
      throw CaseProblem.invalid("closureReason", "closing a case needs a reason");
    }
    if (to != CaseState.CLOSED && reason != null) {
      throw CaseProblem.invalid("closureReason", "only a closing case takes a reason");
    }
  }

  /** A band under 18 makes her a minor; a minor flag cannot contradict the band. */
  public static boolean minorOf(AgeBand band, Boolean minor) {
    if (band != null && band.minor() && Boolean.FALSE.equals(minor)) {
      throw CaseProblem.invalid("survivor.minor", "age band " + band + " is under 18");
    }
    if (band != null && band != AgeBand.UNKNOWN && !band.minor() && Boolean.TRUE.equals(minor)) {
      throw CaseProblem.invalid("survivor.minor", "age band " + band + " is 18 or over");
    }
    return (band != null && band.minor()) || Boolean.TRUE.equals(minor);
  }
}
