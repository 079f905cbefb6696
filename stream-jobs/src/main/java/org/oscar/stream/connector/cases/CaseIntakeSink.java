package org.oscar.stream.connector.cases;

import org.oscar.stream.connector.alert.AlertApiEndpoint;
import org.oscar.stream.connector.alert.AlertApiPoster;
import org.oscar.stream.connector.delivery.AsyncDeliverySink;
import org.oscar.stream.connector.delivery.JsonStateSerializer;
import org.oscar.stream.event.IncidentChange;

/**
 * Every incident into the case register (docs/cases.md), without making dispatch wait: an {@link
 * AsyncDeliverySink} keyed by incident, so only an incident's newest view is queued, POSTed to the
 * alert API's {@code /api/v1/cases/intake} until the API has committed it to PostgreSQL. Pending
 * views are part of each checkpoint and are sent again after a restore: at-least-once, and the
 * register keeps one case per incident and never lets an older view replace a newer one, so the
 * effect is exactly one case with the whole timeline. Only a 400/422 (a view the API will never
 * take) is counted ({@code caseIntakeRefused}) and logged instead of retried; anything else, a
 * wrong token or a register not there yet included, is retried until it is put right.
 */
public final class CaseIntakeSink {
  static final String INTAKE_PATH = "/api/v1/cases/intake";
  private static final int MAX_PENDING = 100_000;

  private CaseIntakeSink() {}

  public static AsyncDeliverySink<IncidentChange> of(AlertApiEndpoint endpoint) {
    return new AsyncDeliverySink<>(
        "case-intake",
        metrics ->
            new AlertApiPoster<>(
                endpoint,
                INTAKE_PATH,
                "case register",
                "incident",
                IncidentChange::incidentId,
                IncidentChange::viewJson,
                // Only "this view is malformed" is final. A 401/403 (a token being rotated), 404
                // (an API without its register yet), 413 or 503 is the API's state, not the
                // incident's: retried.
                AlertApiPoster::malformed,
                metrics,
                "caseIntakeRefused",
                "caseIntakeTaken",
                null),
        IncidentChange::incidentId,
        new JsonStateSerializer<>(IncidentChange.class),
        MAX_PENDING);
  }
}
