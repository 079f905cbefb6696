package org.oscar.contract.live;

import java.util.List;
import java.util.regex.Pattern;

/**
 * An incident as stored in live state and served to control rooms. {@code jurisdiction} is the
 * police station whose area holds the place, or null outside every known jurisdiction.
 */
public record IncidentView(
    String incidentId,
    String region,
    String deviceId,
    String state,
    double lat,
    double lon,
    boolean injured,
    String jurisdiction,
    long openedAt,
    List<AssignmentView> assignments) {

  // INC-{device id, up to 64}-{seq}: longer than a device id, same alphabet.
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

  public static boolean isValidId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  public IncidentView {
    assignments = List.copyOf(assignments);
  }
}
