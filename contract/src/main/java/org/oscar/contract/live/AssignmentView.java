package org.oscar.contract.live;

import org.oscar.contract.wire.Role;

/** One unit's assignment to an incident, as the control room sees it. */
public record AssignmentView(
    String assignmentId, String unitId, Role role, long etaS, long ackBy) {}
