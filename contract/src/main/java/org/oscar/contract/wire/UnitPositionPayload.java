package org.oscar.contract.wire;

/** {@code oscar/v1/unit/{id}/pos}. */
public record UnitPositionPayload(
    Long seq, Long ts, Double lat, Double lon, Double speedKmh, Double headingDeg) {}
