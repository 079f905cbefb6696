package org.oscar.stream.dispatch;

import org.oscar.contract.wire.DeviceKind;
import org.oscar.contract.wire.UnitStatus;

/** Test data builder for unit states. */
final class Units {
  private String id = "PCR-1";
  private DeviceKind kind = DeviceKind.POLICE;
  private double lat = 20.2654;
  private double lon = 85.8280;
  private UnitStatus status = UnitStatus.AVAILABLE;
  private String assignment;

  static Units police(String id) {
    Units u = new Units();
    u.id = id;
    return u;
  }

  static Units ambulance(String id) {
    Units u = police(id);
    u.kind = DeviceKind.AMBULANCE;
    return u;
  }

  Units at(double newLat, double newLon) {
    lat = newLat;
    lon = newLon;
    return this;
  }

  Units status(UnitStatus s) {
    status = s;
    return this;
  }

  Units assignedTo(String incidentId) {
    assignment = incidentId;
    return this;
  }

  UnitState build() {
    return new UnitState(id, kind, true, lat, lon, 0, status, assignment);
  }
}
