package org.oscar.contract.wire;

/** {@code oscar/v1/unit/{id}/status}. */
public record UnitStatusPayload(Long seq, Long ts, UnitStatus status) {}
