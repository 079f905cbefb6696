package org.oscar.contract.wire;

/**
 * {@code oscar/v1/ops/{region}/command}: an operator's override, published by the alert API for a
 * logged-in control-room user, so that the stream job stays the one place that decides. Fields by
 * action: {@code incidentId} for ASSIGN, CLOSE, MARK_SERIOUS, LOCATE and TAKE; {@code unitId} for
 * ASSIGN; {@code lat}, {@code lon}, {@code injured} and {@code source} (HELPLINE_181, WALK_IN) for
 * OPEN; {@code lat} and {@code lon} for LOCATE. {@code commandId} is unique per command; {@code
 * operator} is the user's name, for the timeline.
 */
public record OperatorCommand(
    String commandId,
    Long ts,
    String operator,
    OperatorAction action,
    String incidentId,
    String unitId,
    Double lat,
    Double lon,
    Boolean injured,
    String source,
    String note) {}
