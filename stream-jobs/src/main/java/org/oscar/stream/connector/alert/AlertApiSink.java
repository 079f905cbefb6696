package org.oscar.stream.connector.alert;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.oscar.stream.connector.delivery.AsyncDeliverySink;
import org.oscar.stream.connector.delivery.Deliverer;
import org.oscar.stream.connector.delivery.JsonStateSerializer;
import org.oscar.stream.dispatch.model.AlertRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
        metrics -> new Poster(endpoint, metrics),
        AlertRequest::eventId,
        new JsonStateSerializer<>(AlertRequest.class),
        MAX_PENDING);
  }

  private static final class Poster implements Deliverer<AlertRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(AlertApiSink.class);
    private final AlertApiEndpoint endpoint;
    private final HttpClient http;
    private final Counter refused;

    Poster(AlertApiEndpoint endpoint, MetricGroup metrics) {
      this.endpoint = endpoint;
      this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      this.refused = metrics.counter("alertEventsRefused");
    }

    @Override
    public void deliver(AlertRequest alert) throws IOException, InterruptedException {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(endpoint.baseUrl() + ALERT_PATH))
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/json")
              .header("Authorization", "Bearer " + endpoint.token())
              .POST(HttpRequest.BodyPublishers.ofString(alert.eventJson()))
              .build();
      int code = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (code / 100 == 2) {
        return;
      }
      if (code / 100 == 4 && code != 408 && code != 429) {
        refused.inc();
        LOG.error("alert API refused alert {} with HTTP {}", alert.eventId(), code);
        return;
      }
      throw new IOException("alert API answered HTTP " + code);
    }
  }
}
