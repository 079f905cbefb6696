package org.oscar.contract.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code oscar/v1/unit/{id}/task}. {@code assignmentId} is stable for one (incident, unit) pair, so
 * a replayed task is recognisable by the terminal as one it already has.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskMessage(
    String assignmentId,
    String incidentId,
    Role role,
    TaskAction action,
    double lat,
    double lon,
    long etaS,
    long ackBy,
    Destination destination,
    long ts) {}
