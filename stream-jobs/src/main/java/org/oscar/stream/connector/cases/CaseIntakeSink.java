package org.oscar.stream.connector.cases;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.oscar.stream.connector.alert.AlertApiEndpoint;
import org.oscar.stream.connector.delivery.AsyncDeliverySink;
import org.oscar.stream.connector.delivery.Deliverer;
import org.oscar.stream.connector.delivery.JsonStateSerializer;
import org.oscar.stream.dispatch.model.IncidentChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
        metrics -> new Poster(endpoint, metrics),
        IncidentChange::incidentId,
        new JsonStateSerializer<>(IncidentChange.class),
        MAX_PENDING);
  }

  private static final class Poster implements Deliverer<IncidentChange> {
    private static final Logger LOG = LoggerFactory.getLogger(CaseIntakeSink.class);
    private final AlertApiEndpoint endpoint;
    private final HttpClient http;
    private final Counter refused;
    private final Counter taken;

    Poster(AlertApiEndpoint endpoint, MetricGroup metrics) {
      this.endpoint = endpoint;
      this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      this.refused = metrics.counter("caseIntakeRefused");
      this.taken = metrics.counter("caseIntakeTaken");
    }

    @Override
    public void deliver(IncidentChange change) throws IOException, InterruptedException {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(endpoint.baseUrl() + INTAKE_PATH))
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/json")
              .header("Authorization", "Bearer " + endpoint.token())
              .POST(HttpRequest.BodyPublishers.ofString(change.viewJson()))
              .build();
      int code = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (code / 100 == 2) {
        taken.inc();
        return;
      }
      // Only "this view is malformed" is final. A 401/403 (a token being rotated), 404 (an API
      // without its register yet), 413 or 503 is the API's state, not the incident's: retried.
      if (code == 400 || code == 422) {
        refused.inc();
        LOG.error("case register refused incident {} with HTTP {}", change.incidentId(), code);
        return;
      }
      throw new IOException("case register answered HTTP " + code);
    }
  }
}
