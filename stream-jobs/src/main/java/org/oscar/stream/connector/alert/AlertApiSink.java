package org.oscar.stream.connector.alert;

import org.oscar.contract.live.LiveKeys;
import org.oscar.stream.connector.delivery.AsyncDeliverySink;
import org.oscar.stream.connector.delivery.DeadLetters;
import org.oscar.stream.connector.delivery.JsonStateSerializer;
import org.oscar.stream.connector.redis.RedisDeliveryReports;
import org.oscar.stream.connector.redis.RedisEndpoint;
import org.oscar.stream.event.AlertRequest;

/**
 * Alerts to the alert API without ever making dispatch wait for it: an {@link AsyncDeliverySink}
 * that POSTs each alert until the API takes it. Every alert has a stable id and the API records one
 * notification per (incident, role, level), so a resend after a retry or a restore alerts nobody
 * twice. Only a 400 or 422 (the alert itself malformed: no resend can help) is final: the alert is
 * kept in the dead letters ({@link LiveKeys#deadLetters}, where the control room sees it and can
 * re-send it once the API takes it), counted ({@code alertEventsRefused}) and logged as an error.
 * Everything else is retried until it heals: a rotated token (401/403), a wrong base URL (404), a
 * body over the limit (413), the API down or slow (5xx, timeouts); the alert waits in the sink's
 * checkpointed queue meanwhile, and every instance reports every second how many wait and since
 * when deliveries fail ({@link LiveKeys#deliveryBacklog}), which the control room shows as an
 * alarm.
 */
public final class AlertApiSink {
  static final String ALERT_PATH = "/api/v1/events/alert";
  private static final int MAX_PENDING = 100_000;

  private AlertApiSink() {}

  /**
   * @param live where the backlog reports and the dead letters go (the alert API reads them there)
   */
  public static AsyncDeliverySink<AlertRequest> of(AlertApiEndpoint endpoint, RedisEndpoint live) {
    DeadLetters.Factory deadLetters = RedisDeliveryReports.deadLetters(live, LiveKeys.ALERT_SINK);
    return new AsyncDeliverySink<>(
        LiveKeys.ALERT_SINK,
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
                null,
                deadLetters.open()),
        AlertRequest::eventId,
        new JsonStateSerializer<>(AlertRequest.class),
        MAX_PENDING,
        RedisDeliveryReports.backlog(live));
  }
}
