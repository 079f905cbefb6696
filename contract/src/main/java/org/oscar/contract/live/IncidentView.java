package org.oscar.contract.live;

import java.util.List;

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

  public IncidentView {
    assignments = List.copyOf(assignments);
  }
}
