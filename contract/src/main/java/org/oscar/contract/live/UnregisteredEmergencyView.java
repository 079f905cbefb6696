package org.oscar.contract.live;

/**
 * An emergency frame from an AIS-140 tracker that no device is bound to, as the control room of the
 * adapter's region sees it: unverified (anyone who knows the frame format can send one), never
 * dispatched on its own; an operator decides, and may open a case at its position. {@code
 * lat}/{@code lon} are null when the frame gave no place. Times are epoch ms of arrival.
 */
public record UnregisteredEmergencyView(
    String imei, String region, long firstAt, long lastAt, int frames, Double lat, Double lon) {

  /** The same emergency seen again: one more frame, and its place if it gave one. */
  public UnregisteredEmergencyView again(long at, Double newLat, Double newLon) {
    return new UnregisteredEmergencyView(
        imei,
        region,
        firstAt,
        at,
        frames + 1,
        newLat == null ? lat : newLat,
        newLat == null ? lon : newLon);
  }
}
