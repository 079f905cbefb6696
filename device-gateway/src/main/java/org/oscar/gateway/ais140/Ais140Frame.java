package org.oscar.gateway.ais140;

/**
 * The AIS-140 frames the adapter understands, as parsed from the wire (positions already signed by
 * hemisphere, time as epoch ms UTC). See docs/ais140.md for the field lists and their source.
 */
public sealed interface Ais140Frame {
  String imei();

  long ts();

  double lat();

  double lon();

  /**
   * The emergency message ({@code $EPB}): {@code stop} is the device's "emergency off" ({@code
   * SEM}); {@code fixValid} is GPS validity A/V; {@code networkFix} is provider {@code N} (position
   * from the network rather than fine GPS); {@code stored} is packet status {@code SP}.
   */
  record Emergency(
      String imei,
      boolean stop,
      boolean stored,
      long ts,
      boolean fixValid,
      boolean networkFix,
      double lat,
      double lon,
      Double speedKmh)
      implements Ais140Frame {}

  /**
   * The periodic location/alert packet: {@code packetType} as sent (NR, EA, IN, …); {@code history}
   * is packet status {@code H} (sent late from the device's memory).
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
      Double headingDeg)
      implements Ais140Frame {}
}
