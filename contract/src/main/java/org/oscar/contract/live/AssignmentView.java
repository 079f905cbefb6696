package org.oscar.contract.live;

import org.oscar.contract.wire.Role;

/**
 * One unit's assignment to an incident, as the control room sees it. {@code status} is ASSIGNED,
 * ACCEPTED or ARRIVED; {@code etaS} is the latest estimate.
 */
public record AssignmentView(
    String assignmentId, String unitId, Role role, String status, long etaS, long ackBy) {}
