package org.oscar.contract.codec;

/**
 * Why an uplink message was refused. Each reason is a counter ({@code rejected_<name>}) in every
 * component that refuses messages, so operators can see what is being dropped and why.
 */
public enum RejectReason {
  /** Payload over the contract's 4 KiB. */
  TOO_LARGE,
  /** Not UTF-8 JSON, or not a JSON object. */
  NOT_JSON,
  /** A required field is absent or null. */
  MISSING_FIELD,
  /** A field has the wrong JSON type or an unknown enum value. */
  BAD_FIELD,
  /** Latitude outside [-90, 90], longitude outside [-180, 180], or not finite. */
  BAD_COORDINATE,
  /** Not a contract topic, or a topic this pipeline does not take uplink on. */
  UNKNOWN_TOPIC,
  /** A device id the directory does not know. */
  UNKNOWN_DEVICE,
  /** A device that was provisioned and then revoked. */
  REVOKED_DEVICE,
  /** A known device publishing under the other family's prefix (a panic device as a unit). */
  WRONG_DEVICE_CLASS,
  /** Device clock too far ahead of the receiver's clock. */
  CLOCK_SKEW,
  /** A position too old to describe where anyone is now. */
  STALE,
  /** A device over its message budget (a flood); see the stream job's FloodGuard. */
  RATE_LIMITED,
  /**
   * A device or operator command of a region that has no bundle: never served from another region's
   * data.
   */
  UNKNOWN_REGION;

  public String counterName() {
    return "rejected_" + name().toLowerCase(java.util.Locale.ROOT);
  }
}
