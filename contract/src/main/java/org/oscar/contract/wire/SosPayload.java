package org.oscar.contract.wire;

/**
 * {@code oscar/v1/dev/{id}/sos}: one press. Boxed fields so that a missing one is detectable.
 *
 * <p>Her position is optional (an additive change to contract v1): a press with no {@code
 * lat}/{@code lon}, with {@code fix: false}, or with coordinates that cannot be a place on Earth is
 * still a press, of an incident whose location is unknown until a position arrives ({@code
 * PayloadDecoder.positionProblem}). {@code unverified} is set by a protocol adapter that could not
 * check the frame's integrity (an AIS-140 checksum it cannot verify): the press is taken and the
 * control room is told.
 */
public record SosPayload(
    Long seq,
    Long ts,
    Double lat,
    Double lon,
    Double accM,
    Boolean injured,
    Boolean fix,
    Boolean unverified) {

  /** A press with a position, as contract v1 first defined it. */
  public SosPayload(Long seq, Long ts, Double lat, Double lon, Double accM, Boolean injured) {
    this(seq, ts, lat, lon, accM, injured, null, null);
  }
}
