package org.oscar.contract.live;

import java.util.List;
import java.util.regex.Pattern;

/**
 * An incident as stored in live state and served to control rooms: where, what phase, who is
 * assigned, which jurisdiction/OSC/hospital serve it, and its timeline (the case record). {@code
 * jurisdiction} is null outside every known police jurisdiction; {@code hospital} is set only when
 * the survivor is injured. {@code locationUnknown}: she pressed without a position and none has
 * come yet; {@code lat}/{@code lon} are then 0 and mean nothing, and no unit is sent until one
 * arrives. {@code alertedRoles}: every role alerted about it so far (SHO, SP, DM, CMO, ...), which
 * also decides which officials may read its case (empty in views written before it existed). {@code
 * call}: the control room's alarm for it ({@link ControlRoomCall}); null if it never called (views
 * written before it existed).
 */
public record IncidentView(
    String incidentId,
    String region,
    String district,
    String deviceId,
    String state,
    double lat,
    double lon,
    boolean injured,
    boolean serious,
    String jurisdiction,
    FacilityView osc,
    FacilityView hospital,
    long openedAt,
    List<AssignmentView> assignments,
    List<TimelineEntry> timeline,
    boolean locationUnknown,
    List<String> alertedRoles,
    ControlRoomCall call) {

  // INC-{device id, up to 64}-{seq}: longer than a device id, same alphabet.
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

  public static boolean isValidId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  public IncidentView {
    assignments = assignments == null ? List.of() : List.copyOf(assignments);
    timeline = timeline == null ? List.of() : List.copyOf(timeline);
    alertedRoles = alertedRoles == null ? List.of() : List.copyOf(alertedRoles);
  }
}
