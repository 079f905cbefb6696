package org.oscar.gateway.ais140;

import org.oscar.gateway.ais140.FrameIntegrity.Status;

/**
 * The AIS-140 frames the adapter understands, as parsed from the wire (positions already signed by
 * hemisphere, time as epoch ms UTC, 0 when the frame's date cannot be read). See docs/ais140.md for
 * the vendor forms and their sources. {@code integrity} says whether the frame's checksum was
 * verified, absent, or could not be verified.
 */
public sealed interface Ais140Frame {
  String imei();

  long ts();

  double lat();

  double lon();

  FrameIntegrity.Status integrity();

  /** Whether {@code lat}/{@code lon} say where anyone is. */
  boolean placed();

  /**
   * The emergency message ({@code EMR}): {@code stop} is the device's "emergency off" ({@code
   * SEM}); {@code fixValid} is GPS validity A/V; {@code networkFix} is provider {@code N} (position
   * from the network rather than fine GPS); {@code stored} is packet status {@code SP}. {@code
   * positionKnown} is false when the frame gives no place at all (no fix and 0,0, or coordinates
   * that cannot be read): {@code lat}/{@code lon} are then 0 and mean nothing.
   */
  record Emergency(
      String imei,
      boolean stop,
      boolean stored,
      long ts,
      boolean fixValid,
      boolean networkFix,
      boolean positionKnown,
      double lat,
      double lon,
      Double speedKmh,
      Status integrity)
      implements Ais140Frame {
    @Override
    public boolean placed() {
      return positionKnown;
    }
  }

  /**
   * The periodic location/alert packet: {@code packetType} as sent (NR, EA, IN, …; the header when
   * a vendor sends none); {@code history} is packet status {@code H} (sent late from the device's
   * memory). Without a fix, {@code lat}/{@code lon} mean nothing.
   */
  record Location(
      String imei,
      String packetType,
      boolean history,
      long ts,
      boolean fixValid,
      double lat,
      double lon,
      Double speedKmh,
      Double headingDeg,
      Status integrity)
      implements Ais140Frame {
    @Override
    public boolean placed() {
      return fixValid;
    }

    /** Packet type EA: the emergency alert of a vehicle tracker, in its location packet. */
    public boolean emergencyAlert() {
      return "EA".equals(packetType);
    }
  }
}
