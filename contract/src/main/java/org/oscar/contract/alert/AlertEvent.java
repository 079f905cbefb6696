package org.oscar.contract.alert;

import java.util.List;
import org.oscar.contract.live.IncidentView;

/**
 * Stream job → alert API: tell these roles about this incident. {@code eventId} is stable (the
 * incident, the kind and the level), so a resend after a retry or a job replay is recognised and
 * dropped; the API records one notification per (incident, role, level).
 *
 * <p>Roles: CONTROL_ROOM, SHO, SP, DM, CMO, OSC_ADMIN.
 */
public record AlertEvent(
    String eventId,
    AlertKind kind,
    String level,
    List<String> roles,
    String reason,
    IncidentView incident) {

  public AlertEvent {
    roles = roles == null ? List.of() : List.copyOf(roles);
  }

  public static AlertEvent of(
      AlertKind kind, String level, List<String> roles, String reason, IncidentView incident) {
    return new AlertEvent(
        incident.incidentId() + ":" + level, kind, level, roles, reason, incident);
  }
}
