package org.oscar.stream.connector.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oscar.stream.connector.delivery.DeadLetters;
import org.oscar.stream.event.AlertRequest;

class AlertApiPosterTest {
  private HttpServer api;
  private final AtomicInteger answer = new AtomicInteger(202);
  private final List<String> kept = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startApi() throws IOException {
    api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    api.createContext(
        "/api/v1/events/alert",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          byte[] body =
              "{\"error\":\"level and roles are required\"}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(answer.get(), body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    api.start();
  }

  @AfterEach
  void stopApi() {
    api.stop(0);
  }

  private AlertApiPoster<AlertRequest> poster() {
    DeadLetters deadLetters =
        (id, status, reply, body) -> kept.add(id + " " + status + " " + reply + " " + body);
    return new AlertApiPoster<>(
        new AlertApiEndpoint("http://127.0.0.1:" + api.getAddress().getPort(), "token"),
        AlertApiSink.ALERT_PATH,
        "alert API",
        "alert",
        AlertRequest::eventId,
        AlertRequest::eventJson,
        AlertApiPoster::malformed,
        new UnregisteredMetricsGroup(),
        "refused",
        null,
        deadLetters);
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {400, 422})
  void onlyAMalformedElementIsRefusedForGood(int code) {
    assertThat(AlertApiPoster.malformed(code)).isTrue();
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {401, 403, 404, 408, 409, 413, 429, 500, 502, 503, 504})
  void aRefusalThatCanHealIsRetriedNotDropped(int code) {
    assertThat(AlertApiPoster.malformed(code)).isFalse();
  }

  @Test
  void anAlertTheApiCallsMalformedIsKeptInTheDeadLettersWithTheApisAnswer() throws Exception {
    answer.set(422);

    poster().deliver(new AlertRequest("INC-1:OPENED", "INC-1", "{\"eventId\":\"INC-1:OPENED\"}"));

    assertThat(kept)
        .containsExactly(
            "INC-1:OPENED 422 {\"error\":\"level and roles are required\"}"
                + " {\"eventId\":\"INC-1:OPENED\"}");
  }

  @Test
  void aRotatedTokenThrowsSoTheAlertIsTriedAgainAndNothingIsDeadLettered() {
    answer.set(401);

    assertThatThrownBy(() -> poster().deliver(new AlertRequest("INC-2:OPENED", "INC-2", "{}")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("401");
    assertThat(kept).isEmpty();
  }
}
