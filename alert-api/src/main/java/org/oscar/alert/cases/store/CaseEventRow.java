package org.oscar.alert.cases.store;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One recorded event of a case. {@code part} is a {@code CasePart} name for a service event, or
 * {@code CASE}, {@code CONSENT} or {@code REFERRAL} for the case's own steps.
 */
public record CaseEventRow(
    long id,
    String part,
    String type,
    JsonObject data,
    Instant happenedAt,
    Instant recordedAt,
    String actor,
    String actorAgency) {}
