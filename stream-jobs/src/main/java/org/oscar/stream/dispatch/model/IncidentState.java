package org.oscar.stream.dispatch.model;

import java.util.ArrayList;
import java.util.List;
import org.oscar.contract.live.FacilityView;
import org.oscar.contract.live.TimelineEntry;
import org.oscar.contract.wire.Role;

/**
 * Everything a region keeps about one incident while it is open, and for the reopen window after it
 * ends; then it is removed. Mutable Flink POJO: the engine loads it, changes it and stores it back
 * within one event.
 */
public class IncidentState {
  public String incidentId;
  public String deviceId;
  public String region;
  public String district;
  public double lat;
  public double lon;

  /**
   * She pressed without a position and none has come since: lat/lon mean nothing, no unit is sent,
   * the control room is asked to call her back. False (a place is known) in state written before
   * the field existed.
   */
  public boolean locationUnknown;

  public boolean injured;
  public boolean serious;

  /** The survivor entered her duress PIN: the device must keep looking cancelled. */
  public boolean duress;

  public Phase phase;
  public String jurisdiction;
  public FacilityView osc;
  public FacilityView hospital;
  public long openedAt;

  /** When it became CLOSED or CANCELLED; 0 while active. */
  public long endedAt;

  public List<Assignment> assignments = new ArrayList<>();

  /** Roles still without a unit. */
  public List<Role> pendingRoles = new ArrayList<>();

  /** Units that declined or timed out on this incident: never asked again for it. */
  public List<String> excludedUnits = new ArrayList<>();

  /** Sequence numbers of the presses that belong to this incident (redelivery detection). */
  public List<Long> pressSeqs = new ArrayList<>();

  /** Roles any alert has gone to, so a cancellation reaches each of them. */
  public List<String> alertedRoles = new ArrayList<>();

  /** Rungs of the escalation ladder climbed so far. */
  public int ladderRung;

  /** Earliest time the next rung may be climbed. */
  public long nextRungAt;

  /** Assignments made so far; numbers assignment ids so each is unique. */
  public int assignmentCount;

  public List<TimelineEntry> timeline = new ArrayList<>();

  /**
   * The control room's call on it (kind, words, since), null if none; {@code takenBy} null while no
   * operator has taken it. {@code callEscalated}: its shift supervisor has been told it went
   * untaken. All empty in state written before they existed.
   */
  public String callKind;

  public String callWhy;
  public long callSince;
  public String takenBy;
  public long takenAt;
  public boolean callEscalated;

  /** What her device was last told (state name and ETA), so an unchanged notice is not resent. */
  public String lastNotice;

  public IncidentState() {}

  public boolean isActive() {
    return !phase.isTerminal();
  }

  public Assignment assignmentOf(String unitId) {
    for (Assignment a : assignments) {
      if (a.unitId.equals(unitId)) {
        return a;
      }
    }
    return null;
  }

  public boolean hasArrivedUnit() {
    return assignments.stream().anyMatch(Assignment::arrived);
  }

  public void log(long at, String what, String who, String why) {
    timeline.add(new TimelineEntry(at, what, who, why));
  }
}
