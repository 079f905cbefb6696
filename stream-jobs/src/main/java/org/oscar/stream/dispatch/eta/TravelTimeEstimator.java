package org.oscar.stream.dispatch.eta;

import java.io.Serializable;
import org.oscar.contract.wire.DeviceKind;

/** Estimated driving time from a unit to a place. A road-network router can replace this. */
public interface TravelTimeEstimator extends Serializable {
  long etaSeconds(DeviceKind kind, double fromLat, double fromLon, double toLat, double toLon);
}
