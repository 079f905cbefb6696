package org.oscar.stream.connector.alert;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.oscar.stream.dispatch.model.AlertRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

final class AlertApiWriter implements SinkWriter<AlertRequest> {
  private static final Logger LOG = LoggerFactory.getLogger(AlertApiWriter.class);
  static final String ALERT_PATH = "/api/v1/events/alert";
  private static final long MAX_BACKOFF_MS = 5_000;

  private final AlertApiEndpoint endpoint;
  private final HttpClient http;
  private final Counter delivered;
  private final Counter refused;
  private final Counter retries;

  AlertApiWriter(AlertApiEndpoint endpoint, SinkWriterMetricGroup metrics) {
    this.endpoint = endpoint;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    this.delivered = metrics.getNumRecordsSendCounter();
    this.refused = metrics.counter("alertEventsRefused");
    this.retries = metrics.counter("alertEventRetries");
  }

  @Override
  public void write(AlertRequest alert, Context context) throws InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(endpoint.baseUrl() + ALERT_PATH))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + endpoint.token())
            .POST(HttpRequest.BodyPublishers.ofString(alert.eventJson()))
            .build();
    long backoff = 100;
    while (true) {
      try {
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        int code = response.statusCode();
        if (code / 100 == 2) {
          delivered.inc();
          return;
        }
        if (code / 100 == 4 && code != 408 && code != 429) {
          // The API will never take this event as it is: retrying cannot help. Loud, counted.
          refused.inc();
          LOG.error("alert API refused alert {} with HTTP {}", alert.eventId(), code);
          return;
        }
        LOG.warn("alert API answered HTTP {} for alert {}", code, alert.eventId());
      } catch (IOException e) {
        LOG.warn("alert API unreachable ({}), retrying in {} ms", e.getMessage(), backoff);
      }
      retries.inc();
      Thread.sleep(backoff);
      backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
    }
  }

  @Override
  public void flush(boolean endOfInput) {}

  @Override
  public void close() {
    // java.net.http.HttpClient has no close() on Java 17; its threads are daemons.
  }
}
