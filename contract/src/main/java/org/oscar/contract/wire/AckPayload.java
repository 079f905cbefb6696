package org.oscar.contract.wire;

/** {@code oscar/v1/unit/{id}/ack}: a unit accepts or declines an assignment. */
public record AckPayload(Long seq, Long ts, String assignmentId, Boolean accept, String reason) {}
