package org.oscar.stream.dispatch;

import org.oscar.contract.wire.DeviceKind;
import org.oscar.contract.wire.UnitStatus;

/**
 * What a dispatch region remembers of one responder unit. {@code status} is null until the unit
 * first reports one; {@code assignment} is the incident it holds, or null. A unit is dispatchable
 * only when it has a position, says it is AVAILABLE and holds no assignment.
 */
public record UnitState(
    String unitId,
    DeviceKind kind,
    boolean located,
    double lat,
    double lon,
    long positionAt,
    UnitStatus status,
    String assignment) {

  public static UnitState unknown(String unitId, DeviceKind kind) {
    return new UnitState(unitId, kind, false, 0, 0, 0, null, null);
  }

  public boolean isAvailable() {
    return located && status == UnitStatus.AVAILABLE && assignment == null;
  }

  public UnitState movedTo(double newLat, double newLon, long at) {
    return new UnitState(unitId, kind, true, newLat, newLon, at, status, assignment);
  }

  public UnitState withStatus(UnitStatus newStatus) {
    return new UnitState(unitId, kind, located, lat, lon, positionAt, newStatus, assignment);
  }

  public UnitState assignedTo(String incidentId) {
    return new UnitState(unitId, kind, located, lat, lon, positionAt, status, incidentId);
  }
}
