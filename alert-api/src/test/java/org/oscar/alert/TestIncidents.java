package org.oscar.alert;

import java.util.List;
import org.oscar.contract.live.IncidentView;

/** Incidents as the stream job writes them, for the API's tests. */
public final class TestIncidents {
  private TestIncidents() {}

  /** An open incident in Bhubaneswar (Khordha district), inside the given jurisdiction. */
  public static IncidentView open(String id, String jurisdiction) {
    return new IncidentView(
        id,
        "khordha",
        "Khordha",
        "SURV-1",
        "OPEN",
        20.265367,
        85.828033,
        false,
        false,
        jurisdiction,
        null,
        null,
        1L,
        List.of(),
        List.of(),
        false,
        List.of(),
        null);
  }
}
