package org.oscar.stream.dispatch.eta;

import org.oscar.contract.wire.DeviceKind;
import org.oscar.stream.geo.GeoDistance;

/**
 * Straight-line distance stretched by a road factor, at a typical urban speed per kind of unit. The
 * defaults (factor 1.4; police 30 km/h, ambulance 25 km/h) are rough Indian city figures, to be
 * replaced by a road-network router; they order units the same way distance does.
 */
public record StraightLineTravelTime(double roadFactor, double policeKmh, double ambulanceKmh)
    implements TravelTimeEstimator {

  public static StraightLineTravelTime defaults() {
    return new StraightLineTravelTime(1.4, 30.0, 25.0);
  }

  @Override
  public long etaSeconds(
      DeviceKind kind, double fromLat, double fromLon, double toLat, double toLon) {
    double meters = GeoDistance.meters(fromLat, fromLon, toLat, toLon) * roadFactor;
    double kmh = kind == DeviceKind.AMBULANCE ? ambulanceKmh : policeKmh;
    return Math.round(meters / (kmh / 3.6));
  }
}
