package org.oscar.alert.cases.store;

import io.vertx.core.json.JsonObject;
import org.oscar.contract.codec.Json;
import org.oscar.contract.live.IncidentView;

/**
 * An incident as the case keeps it: its timeline, assignments, phase and the facilities that serve
 * it, but not her position or her device (live state has those, and purges the position; the case
 * is kept for years). {@code steps} orders views of one incident: the timeline only grows.
 */
public record IncidentIntake(
    String incidentId,
    long openedAt,
    String deviceId,
    String district,
    String region,
    int steps,
    JsonObject record) {

  public static IncidentIntake of(IncidentView v) {
    JsonObject record = new JsonObject(Json.toString(v));
    record.remove("lat");
    record.remove("lon");
    record.remove("deviceId");
    return new IncidentIntake(
        v.incidentId(),
        v.openedAt(),
        v.deviceId(),
        v.district(),
        v.region(),
        v.timeline().size(),
        record);
  }
}
