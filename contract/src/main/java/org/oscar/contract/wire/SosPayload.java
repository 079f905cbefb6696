package org.oscar.contract.wire;

/** {@code oscar/v1/dev/{id}/sos}: one press. Boxed fields so that a missing one is detectable. */
public record SosPayload(Long seq, Long ts, Double lat, Double lon, Double accM, Boolean injured) {}
