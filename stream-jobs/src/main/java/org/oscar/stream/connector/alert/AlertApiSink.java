package org.oscar.stream.connector.alert;

import org.oscar.stream.connector.delivery.AsyncDeliverySink;
import org.oscar.stream.connector.delivery.JsonStateSerializer;
import org.oscar.stream.dispatch.model.AlertRequest;

/**
 * Alerts to the alert API without ever making dispatch wait for it: an {@link AsyncDeliverySink}
 * that POSTs each alert until the API takes it. Every alert has a stable id and the API records one
 * notification per (incident, role, level), so a resend after a retry or a restore alerts nobody
 * twice. Only a 400 or 422 (the alert itself malformed: no resend can help) is counted ({@code
 * alertEventsRefused}), logged as an error and not retried. Everything else is retried until it
 * heals: a rotated token (401/403), a wrong base URL (404), a body over the limit (413), the API
 * down or slow (5xx, timeouts); the alert waits in the sink's checkpointed queue meanwhile.
 */
public final class AlertApiSink {
  static final String ALERT_PATH = "/api/v1/events/alert";
  private static final int MAX_PENDING = 100_000;

  private AlertApiSink() {}

  public static AsyncDeliverySink<AlertRequest> of(AlertApiEndpoint endpoint) {
    return new AsyncDeliverySink<>(
        "alert-api",
        metrics ->
            new AlertApiPoster<>(
                endpoint,
                ALERT_PATH,
                "alert API",
                "alert",
                AlertRequest::eventId,
                AlertRequest::eventJson,
                AlertApiPoster::malformed,
                metrics,
                "alertEventsRefused",
                null),
        AlertRequest::eventId,
        new JsonStateSerializer<>(AlertRequest.class),
        MAX_PENDING);
  }
}
