package org.oscar.stream.dispatch.model;

import org.oscar.contract.wire.Role;

/**
 * One unit's active assignment to an incident. Mutable Flink POJO (public fields, no-arg
 * constructor), held inside {@link IncidentState}.
 *
 * <p>{@code promisedArrivalAt} is the arrival time the unit was held to when it was assigned (or
 * re-routed); missing it by the policy's margin escalates. {@code progressDistanceM} and {@code
 * progressAt} mark the last time the unit got meaningfully closer; a unit that stops closing the
 * distance escalates too.
 */
public class Assignment {
  public String assignmentId;
  public String unitId;
  public Role role;
  public AssignmentStatus status;
  public long assignedAt;
  public long ackBy;
  public long etaS;
  public long lastEtaSentS;
  public long promisedArrivalAt;

  /** The ETA the promise was made with; the lateness margin scales with it. */
  public long promisedEtaS;

  public double progressDistanceM;
  public long progressAt;

  public Assignment() {}

  public boolean arrived() {
    return status == AssignmentStatus.ARRIVED;
  }
}
