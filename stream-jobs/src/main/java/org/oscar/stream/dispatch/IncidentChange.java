package org.oscar.stream.dispatch;

import org.oscar.contract.codec.Json;
import org.oscar.contract.live.IncidentView;

/**
 * An incident's new state on its way to live state and the alert API. Carried as the JSON of an
 * {@link IncidentView} so the record stays a flat POJO for Flink (no Kryo for the list inside).
 */
public record IncidentChange(String incidentId, String region, String viewJson) {
  public static IncidentChange of(IncidentView view) {
    return new IncidentChange(view.incidentId(), view.region(), Json.toString(view));
  }

  public IncidentView view() {
    return Json.fromString(viewJson, IncidentView.class);
  }
}
