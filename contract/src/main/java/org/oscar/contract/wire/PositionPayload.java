package org.oscar.contract.wire;

/** {@code oscar/v1/dev/{id}/pos}: the survivor's device reports where it is. */
public record PositionPayload(Long seq, Long ts, Double lat, Double lon, Double accM) {}
