package org.oscar.stream.connector.alert;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.IntPredicate;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.oscar.stream.connector.delivery.DeadLetters;
import org.oscar.stream.connector.delivery.Deliverer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs one element's JSON to an alert API path with the job's token: a 2xx delivers it; a status
 * the caller calls final ({@code refusedForGood}) is counted ({@code refusedCounter}) and logged as
 * an error, not retried; anything else throws, so the sink tries again later.
 */
public final class AlertApiPoster<T> implements Deliverer<T> {
  private static final Logger LOG = LoggerFactory.getLogger(AlertApiPoster.class);
  private final AlertApiEndpoint endpoint;
  private final String path;
  private final String target;
  private final String what;
  private final Function<T, String> idOf;
  private final Function<T, String> jsonOf;
  private final IntPredicate refusedForGood;
  private final HttpClient http;
  private final Counter refused;
  private final Counter taken;
  private final DeadLetters deadLetters;

  /**
   * @param target who answers, for logs ("alert API")
   * @param what what an element is, for logs ("alert")
   * @param takenCounter counts delivered elements; null: not counted
   * @param deadLetters where an element refused for good is kept to be seen and re-sent; null:
   *     nowhere (counted and logged only)
   */
  public AlertApiPoster(
      AlertApiEndpoint endpoint,
      String path,
      String target,
      String what,
      Function<T, String> idOf,
      Function<T, String> jsonOf,
      IntPredicate refusedForGood,
      MetricGroup metrics,
      String refusedCounter,
      String takenCounter,
      DeadLetters deadLetters) {
    this.endpoint = endpoint;
    this.path = path;
    this.target = target;
    this.what = what;
    this.idOf = idOf;
    this.jsonOf = jsonOf;
    this.refusedForGood = refusedForGood;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    this.refused = metrics.counter(refusedCounter);
    this.taken = takenCounter == null ? null : metrics.counter(takenCounter);
    this.deadLetters = deadLetters;
  }

  /**
   * The one answer no resend can change: the element itself is malformed (400, 422). Any other
   * refusal is the API's state — a token being rotated, a wrong path, a body limit, an outage — and
   * heals, so the element is retried rather than dropped.
   */
  public static boolean malformed(int code) {
    return code == 400 || code == 422;
  }

  private static String answer(String body) {
    return body == null ? "" : body.length() > 300 ? body.substring(0, 300) : body;
  }

  @Override
  public void close() {
    if (deadLetters != null) {
      deadLetters.close();
    }
  }

  @Override
  public void deliver(T element) throws IOException, InterruptedException {
    String json = jsonOf.apply(element);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(endpoint.baseUrl() + path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + endpoint.token())
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    int code = response.statusCode();
    if (code / 100 == 2) {
      if (taken != null) {
        taken.inc();
      }
      return;
    }
    if (refusedForGood.test(code)) {
      if (deadLetters != null) {
        // Kept before it is counted as handled: if this throws, the element is retried instead.
        deadLetters.put(idOf.apply(element), code, answer(response.body()), json);
      }
      refused.inc();
      LOG.error(
          "{} refused {} {} with HTTP {}{}",
          target,
          what,
          idOf.apply(element),
          code,
          deadLetters == null ? "" : "; kept in the dead letters to re-send");
      return;
    }
    throw new IOException(target + " answered HTTP " + code);
  }
}
