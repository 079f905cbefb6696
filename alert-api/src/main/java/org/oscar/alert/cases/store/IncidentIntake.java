package org.oscar.alert.cases.store;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.oscar.alert.cases.access.OfficialPosts;
import org.oscar.alert.cases.model.CaseOrigin;
import org.oscar.alert.notify.NotificationPlanner;
import org.oscar.contract.codec.Json;
import org.oscar.contract.live.IncidentIds;
import org.oscar.contract.live.IncidentView;

/**
 * An incident as the case keeps it: its timeline, assignments, phase and the facilities that serve
 * it, but not her position (live state has it, and purges it; the case is kept for years). Her
 * device's id is still in the incident's id and in the timeline's "who" of her own steps. {@code
 * steps} orders views of one incident: the timeline only grows. {@code escalatedTo}: the officials'
 * posts (SP, DM, CMO) its alerts have reached, who may read its case.
 */
public record IncidentIntake(
    String incidentId,
    long openedAt,
    String deviceId,
    String district,
    String region,
    int steps,
    JsonObject record,
    List<String> escalatedTo) {

  /**
   * A press, or a case the control room opened for a 181 call or a walk-in ({@code INC-CALL-…}: the
   * view does not say which of the two, so both are recorded as CALL_181).
   */
  public CaseOrigin origin() {
    return IncidentIds.isCall(incidentId) ? CaseOrigin.CALL_181 : CaseOrigin.PANIC_PRESS;
  }

  public static IncidentIntake of(IncidentView v) {
    JsonObject record = new JsonObject(Json.toString(v));
    record.remove("lat");
    record.remove("lon");
    record.remove("deviceId");
    return new IncidentIntake(
        v.incidentId(),
        v.openedAt(),
        // Every incident needs its survivor: one with no device is her own, by the incident.
        v.deviceId() == null || v.deviceId().isBlank()
            ? "NO-DEVICE:" + v.incidentId()
            : v.deviceId(),
        v.district(),
        v.region(),
        v.timeline().size(),
        record,
        v.alertedRoles().stream()
            .filter(OfficialPosts.roles()::contains)
            .map(role -> NotificationPlanner.official(role, v))
            .filter(java.util.Objects::nonNull)
            .distinct()
            .toList());
  }
}
