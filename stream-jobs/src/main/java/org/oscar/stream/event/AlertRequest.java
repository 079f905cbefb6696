package org.oscar.stream.event;

import org.oscar.contract.alert.AlertEvent;
import org.oscar.contract.codec.Json;

/** An alert for the alert API, carried as the JSON of an {@link AlertEvent}. */
public record AlertRequest(String eventId, String incidentId, String eventJson) {
  public static AlertRequest of(AlertEvent event) {
    return new AlertRequest(event.eventId(), event.incident().incidentId(), Json.toString(event));
  }
}
