package org.oscar.stream.connector.alert;

import org.oscar.stream.connector.delivery.AsyncDeliverySink;
import org.oscar.stream.connector.delivery.JsonStateSerializer;
import org.oscar.stream.dispatch.model.AlertRequest;

/**
 * Alerts to the alert API without ever making dispatch wait for it: an {@link AsyncDeliverySink}
 * that POSTs each alert until the API takes it. Every alert has a stable id and the API records one
 * notification per (incident, role, level), so a resend after a retry or a restore alerts nobody
 * twice. A 4xx other than 408/429 means the API will never take the alert as it is: it is counted
 * ({@code alertEventsRefused}) and logged as an error, not retried.
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
                code -> code / 100 == 4 && code != 408 && code != 429,
                metrics,
                "alertEventsRefused",
                null),
        AlertRequest::eventId,
        new JsonStateSerializer<>(AlertRequest.class),
        MAX_PENDING);
  }
}
