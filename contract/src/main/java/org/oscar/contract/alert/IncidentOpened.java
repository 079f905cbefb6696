package org.oscar.contract.alert;

import org.oscar.contract.live.IncidentView;

/**
 * Stream job → alert API: an incident was opened. {@code eventId} is stable for the incident, so
 * the API can drop a resend after a retry or a job replay.
 */
public record IncidentOpened(String eventId, IncidentView incident) {
  public static IncidentOpened of(IncidentView incident) {
    return new IncidentOpened(incident.incidentId() + ":OPENED", incident);
  }
}
