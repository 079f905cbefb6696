package org.oscar.stream.dispatch.model;

import org.oscar.contract.wire.DeviceKind;
import org.oscar.contract.wire.UnitStatus;

/**
 * What a dispatch region remembers of one responder unit. {@code status} is null until the unit
 * first reports one; {@code incidentId} is the incident it is assigned to, or null; {@code strikes}
 * counts the assignments it declined or let time out; {@code offline} is set when its last will
 * says it dropped off the broker; {@code heardSeq}/{@code heardTs} are the seq and device time of
 * the last position applied; {@code region} is its home region (the district whose unit it is,
 * which decides whether it may cross a border). A unit is dispatchable only when it is online, has
 * a position, says it is AVAILABLE and holds no assignment.
 */
public record UnitState(
    String unitId,
    DeviceKind kind,
    String region,
    boolean located,
    double lat,
    double lon,
    long positionAt,
    UnitStatus status,
    String incidentId,
    int strikes,
    boolean offline,
    long heardSeq,
    long heardTs) {

  public static UnitState unknown(String unitId, DeviceKind kind, String region) {
    return new UnitState(unitId, kind, region, false, 0, 0, 0, null, null, 0, false, 0, 0);
  }

  public boolean isAvailable() {
    return located && !offline && status == UnitStatus.AVAILABLE && incidentId == null;
  }

  public UnitState movedTo(double newLat, double newLon, long at) {
    return new UnitState(
        unitId,
        kind,
        region,
        true,
        newLat,
        newLon,
        at,
        status,
        incidentId,
        strikes,
        offline,
        heardSeq,
        heardTs);
  }

  public UnitState withStatus(UnitStatus newStatus) {
    return new UnitState(
        unitId,
        kind,
        region,
        located,
        lat,
        lon,
        positionAt,
        newStatus,
        incidentId,
        strikes,
        offline,
        heardSeq,
        heardTs);
  }

  public UnitState assignedTo(String incident) {
    return new UnitState(
        unitId,
        kind,
        region,
        located,
        lat,
        lon,
        positionAt,
        status,
        incident,
        strikes,
        offline,
        heardSeq,
        heardTs);
  }

  /** The same unit, now of another home region (it was registered anew). */
  public UnitState withRegion(String newRegion) {
    return new UnitState(
        unitId,
        kind,
        newRegion,
        located,
        lat,
        lon,
        positionAt,
        status,
        incidentId,
        strikes,
        offline,
        heardSeq,
        heardTs);
  }

  public UnitState released() {
    return assignedTo(null);
  }

  public UnitState struck() {
    return new UnitState(
        unitId,
        kind,
        region,
        located,
        lat,
        lon,
        positionAt,
        status,
        null,
        strikes + 1,
        offline,
        heardSeq,
        heardTs);
  }

  public UnitState withOnline(boolean online) {
    return new UnitState(
        unitId,
        kind,
        region,
        located,
        lat,
        lon,
        positionAt,
        status,
        incidentId,
        strikes,
        !online,
        heardSeq,
        heardTs);
  }

  /**
   * Whether a position or status is older than the last one applied, by both its seq and its device
   * time: readers in parallel can deliver one device's messages out of order, and an older report
   * must not undo a newer one. Both must say so, so that a device whose counter restarted (a
   * reboot) or whose clock was corrected is still heard.
   */
  public boolean isOlderThanHeard(long seq, long ts) {
    return seq < heardSeq && ts <= heardTs;
  }

  public UnitState heard(long seq, long ts) {
    return new UnitState(
        unitId,
        kind,
        region,
        located,
        lat,
        lon,
        positionAt,
        status,
        incidentId,
        strikes,
        offline,
        seq,
        ts);
  }
}
