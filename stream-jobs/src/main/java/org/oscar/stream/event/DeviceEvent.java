package org.oscar.stream.event;

import org.oscar.contract.wire.DeviceKind;
import org.oscar.contract.wire.OperatorAction;
import org.oscar.contract.wire.UnitStatus;

/**
 * A contract message that passed validation, flattened into one record so Flink serializes it as a
 * POJO. {@code receivedAt} is when the pipeline took it off the broker: decisions are timed by it,
 * not by the device's drifting clock {@code ts}. Fields that a kind of event does not carry are
 * 0/false/null: {@code lat}/{@code lon} for status, ack and cancel; {@code status} but for status;
 * {@code ref} (the assignment id), {@code accept} and {@code note} (a decline's reason) but for an
 * ack; {@code cancel} but for a cancel; {@code online} but for presence (which has no seq or ts:
 * both are 0); {@code operatorAction}, {@code operator} and {@code target} (a unit id) but for an
 * operator's override, whose {@code ref} is the incident and {@code deviceId} the call it opens. A
 * press without a usable position has NaN {@code lat}/{@code lon} ({@link #hasPosition}) and says
 * why in {@code note}; a press an adapter could not verify says so in {@code note} too. {@code
 * headingDeg} is a unit position's heading when its terminal sent one in [0, 360), else null.
 *
 * <p>{@code region} is the region the event belongs to: a unit's home region; for a panic device,
 * the region her position lies in (else the device's own). {@code dispatchRegion} is the desk that
 * decides on it, the key of the dispatch operator: the region's, shared by the regions whose units
 * may cross into each other.
 */
public record DeviceEvent(
    EventKind kind,
    String deviceId,
    DeviceKind deviceKind,
    String region,
    long seq,
    long ts,
    long receivedAt,
    double lat,
    double lon,
    boolean injured,
    UnitStatus status,
    String ref,
    boolean accept,
    String note,
    CancelOutcome cancel,
    boolean online,
    OperatorAction operatorAction,
    String operator,
    String target,
    Double headingDeg,
    String dispatchRegion) {

  /** The same event with another note. */
  public DeviceEvent withNote(String newNote) {
    return new DeviceEvent(
        kind,
        deviceId,
        deviceKind,
        region,
        seq,
        ts,
        receivedAt,
        lat,
        lon,
        injured,
        status,
        ref,
        accept,
        newNote,
        cancel,
        online,
        operatorAction,
        operator,
        target,
        headingDeg,
        dispatchRegion);
  }

  /** The same event, belonging to another region and desk. */
  public DeviceEvent inRegion(String newRegion, String newDispatchRegion) {
    return new DeviceEvent(
        kind,
        deviceId,
        deviceKind,
        newRegion,
        seq,
        ts,
        receivedAt,
        lat,
        lon,
        injured,
        status,
        ref,
        accept,
        note,
        cancel,
        online,
        operatorAction,
        operator,
        target,
        headingDeg,
        newDispatchRegion);
  }

  /** Whether the event says where it happened; false for a press without a position. */
  public boolean hasPosition() {
    return !Double.isNaN(lat) && !Double.isNaN(lon);
  }

  /** Builds events field by field; used by validation and by tests. */
  public static final class Builder {
    private final EventKind kind;
    private final String deviceId;
    private final DeviceKind deviceKind;
    private final String region;
    private long seq;
    private long ts;
    private long receivedAt;
    private double lat;
    private double lon;
    private boolean injured;
    private UnitStatus status;
    private String ref;
    private boolean accept;
    private String note;
    private CancelOutcome cancel;
    private boolean online;
    private OperatorAction operatorAction;
    private String operator;
    private String target;
    private Double headingDeg;

    public Builder(EventKind kind, String deviceId, DeviceKind deviceKind, String region) {
      this.kind = kind;
      this.deviceId = deviceId;
      this.deviceKind = deviceKind;
      this.region = region;
    }

    public Builder timing(long newSeq, long deviceTs, long received) {
      this.seq = newSeq;
      this.ts = deviceTs;
      this.receivedAt = received;
      return this;
    }

    public Builder at(double newLat, double newLon) {
      this.lat = newLat;
      this.lon = newLon;
      return this;
    }

    /** A press that gives no place: no fix, no coordinates, or coordinates that are no place. */
    public Builder noPosition() {
      this.lat = Double.NaN;
      this.lon = Double.NaN;
      return this;
    }

    /** A unit's heading, kept only if it is one: a degree in [0, 360). */
    public Builder heading(Double degrees) {
      this.headingDeg =
          degrees != null && Double.isFinite(degrees) && degrees >= 0 && degrees < 360
              ? degrees
              : null;
      return this;
    }

    public Builder injured(boolean value) {
      this.injured = value;
      return this;
    }

    public Builder status(UnitStatus value) {
      this.status = value;
      return this;
    }

    public Builder ack(String assignmentId, boolean accepted, String reason) {
      this.ref = assignmentId;
      this.accept = accepted;
      this.note = reason;
      return this;
    }

    public Builder cancel(CancelOutcome outcome) {
      this.cancel = outcome;
      return this;
    }

    public Builder online(boolean value) {
      this.online = value;
      return this;
    }

    /** An operator's override: what, by whom, on which incident ({@code ref}) and unit. */
    public Builder operator(OperatorAction action, String who, String incidentId, String unitId) {
      this.operatorAction = action;
      this.operator = who;
      this.ref = incidentId;
      this.target = unitId;
      return this;
    }

    public Builder note(String value) {
      this.note = value;
      return this;
    }

    public DeviceEvent build() {
      return new DeviceEvent(
          kind,
          deviceId,
          deviceKind,
          region,
          seq,
          ts,
          receivedAt,
          lat,
          lon,
          injured,
          status,
          ref,
          accept,
          note,
          cancel,
          online,
          operatorAction,
          operator,
          target,
          headingDeg,
          region);
    }
  }
}
