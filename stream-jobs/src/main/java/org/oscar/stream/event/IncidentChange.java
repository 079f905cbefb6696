package org.oscar.stream.event;

import org.oscar.contract.codec.Json;
import org.oscar.contract.live.IncidentView;

/**
 * An incident's new state on its way to live state. Carried as the JSON of an {@link IncidentView}:
 * written to Redis as it is, and a flat record for Flink.
 */
public record IncidentChange(String incidentId, String region, boolean active, String viewJson) {
  public static IncidentChange of(IncidentView view, boolean active) {
    return new IncidentChange(view.incidentId(), view.region(), active, Json.toString(view));
  }
}
