package org.oscar.gateway.ais140;

import java.util.Locale;

/**
 * What became of one line received on an AIS-140 connection. Every value is a counter ({@code
 * oscar_ais140_frames_total{outcome="…"}}) so operators can see what trackers send and what the
 * adapter refuses.
 */
public enum FrameOutcome {
  /** Turned into a contract message and handed to the broker. */
  PUBLISHED(false),
  /**
   * Published although its checksum matched no known form (or was of a form not known at all): an
   * emergency or a whereabouts is not dropped for a vendor's arithmetic. A press says so.
   */
  PUBLISHED_UNVERIFIED(false),
  /** An emergency with no place in it (no fix, 0,0): published as a location-unknown press. */
  PUBLISHED_WITHOUT_POSITION(false),
  /** A frame the adapter reads but has nothing to forward for: login and health packets. */
  IGNORED(false),
  /** The device's "emergency off" ({@code SEM}): not a cancel, which needs her PIN. */
  STOP_NOT_A_CANCEL(false),
  /** Longer than the adapter's frame limit; discarded up to the next line end. */
  TOO_LONG(true),
  /** Does not start with {@code $} or is not text. */
  NOT_A_FRAME(true),
  /** A header or packet type this adapter does not take. */
  UNSUPPORTED_PACKET(true),
  /** Fewer fields than the packet needs. */
  MISSING_FIELD(true),
  /** A field that does not parse (number, flag, IMEI, date). */
  BAD_FIELD(true),
  /** A position's latitude/longitude outside their range, or exactly 0,0 with a fix claimed. */
  BAD_COORDINATE(true),
  /** A location packet without a GPS fix: it says nothing about where the vehicle is. */
  NO_FIX(true),
  /** No device is bound to this IMEI. */
  UNKNOWN_DEVICE(true),
  /**
   * An emergency from an IMEI no device is bound to: not dispatched, shown to the control room as
   * an unverified SOS from an unregistered tracker.
   */
  UNREGISTERED_EMERGENCY(true),
  /** The IMEI's device was revoked. */
  REVOKED_DEVICE(true),
  /** An emergency message from a responder unit's tracker (units do not press). */
  WRONG_DEVICE_CLASS(true),
  /** A second IMEI on a connection already bound to another one. */
  IMEI_MISMATCH(true),
  /** Over the connection's frame budget (a flood). */
  RATE_LIMITED(true),
  /** The connection's queue towards the broker is full (broker slow or unreachable). */
  BACKLOG_FULL(true),
  /** The broker could not be reached after retries: the frame is lost (counted, logged). */
  PUBLISH_FAILED(true);

  private final boolean rejection;

  FrameOutcome(boolean rejection) {
    this.rejection = rejection;
  }

  public boolean isRejection() {
    return rejection;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
