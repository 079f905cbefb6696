package org.oscar.stream.connector.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;
import org.oscar.contract.live.DeliveryBacklog;
import org.oscar.stream.event.AlertRequest;

class AsyncDeliveryWriterTest {
  /** A target that can be taken down; records what it was given. */
  private static class Target implements Deliverer<AlertRequest> {
    final AtomicBoolean up = new AtomicBoolean(true);
    final List<String> got = new CopyOnWriteArrayList<>();

    @Override
    public void deliver(AlertRequest a) {
      if (!up.get()) {
        throw new IllegalStateException("down");
      }
      got.add(a.eventId() + "=" + a.eventJson());
    }
  }

  private static AsyncDeliveryWriter<AlertRequest> writer(
      Target target, List<AlertRequest> restored) {
    return writer(target, restored, backlog -> {});
  }

  private static AsyncDeliveryWriter<AlertRequest> writer(
      Target target, List<AlertRequest> restored, BacklogReporter reporter) {
    return new AsyncDeliveryWriter<>(
        "test",
        target,
        AlertRequest::eventId,
        1_000,
        restored,
        new UnregisteredMetricsGroup(),
        reporter,
        3);
  }

  private static AlertRequest alert(String id, String body) {
    return new AlertRequest(id, "I", body);
  }

  @Test
  void neverMakesTheWriterWaitWhileTheTargetIsDownAndKeepsTheLatestPerKey() throws Exception {
    Target target = new Target();
    target.up.set(false);
    try (var w = writer(target, List.of())) {
      for (int i = 0; i < 500; i++) {
        w.write(alert("A" + (i % 10), "v" + i), null);
      }

      assertThat(w.snapshotState(1)).hasSize(10).contains(alert("A3", "v493"));

      target.up.set(true);
      await().atMost(Duration.ofSeconds(10)).until(() -> w.snapshotState(2).isEmpty());
      assertThat(target.got).hasSize(10).contains("A3=v493");
    }
  }

  @Test
  void reportsWhatIsWaitingAndSinceWhenDeliveriesFailUntilTheTargetTakesThemAgain()
      throws Exception {
    Target target = new Target();
    target.up.set(false);
    List<DeliveryBacklog> reports = new CopyOnWriteArrayList<>();
    try (var w = writer(target, List.of(), reports::add)) {
      long before = System.currentTimeMillis();
      w.write(alert("A1", "x"), null);
      w.write(alert("A2", "y"), null);

      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> !reports.isEmpty() && last(reports).failing() && last(reports).waiting() == 2);
      DeliveryBacklog failing = last(reports);
      assertThat(failing.instance()).isEqualTo(3);
      assertThat(failing.sink()).isEqualTo("test");
      assertThat(failing.failingSince()).isGreaterThanOrEqualTo(before);
      assertThat(failing.lastError()).isEqualTo("down");

      target.up.set(true);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> !last(reports).failing() && last(reports).waiting() == 0);
      assertThat(last(reports).lastError()).isNull();
    }
  }

  private static DeliveryBacklog last(List<DeliveryBacklog> reports) {
    return reports.get(reports.size() - 1);
  }

  @Test
  void whatWasUndeliveredAtACheckpointIsDeliveredAfterARestore() throws Exception {
    Target down = new Target();
    down.up.set(false);
    List<AlertRequest> checkpointed;
    try (var w = writer(down, List.of())) {
      w.write(alert("A1", "x"), null);
      w.write(alert("A2", "y"), null);
      checkpointed = w.snapshotState(7);
    }

    Target up = new Target();
    try (var restored = writer(up, checkpointed)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> up.got.size() == 2);
    }
    // Each once; in any order, since a failed attempt sends an element to the back of the queue
    // (the first writer may have tried A1 against the target that was down before A2 came).
    assertThat(up.got).containsExactlyInAnyOrder("A1=x", "A2=y");
  }

  @Test
  void oneElementTheTargetKeepsRefusingDoesNotHoldUpTheOthers() throws Exception {
    Target picky =
        new Target() {
          @Override
          public void deliver(AlertRequest a) {
            if (a.eventId().equals("POISON")) {
              throw new IllegalStateException("HTTP 500");
            }
            super.deliver(a);
          }
        };
    try (var w = writer(picky, List.of())) {
      w.write(alert("POISON", "x"), null);
      w.write(alert("A1", "y"), null);
      w.write(alert("A2", "z"), null);

      await().atMost(Duration.ofSeconds(10)).until(() -> picky.got.size() == 2);
      assertThat(w.snapshotState(3)).containsExactly(alert("POISON", "x"));
    }
  }

  @Test
  void theStateSerializerRoundTripsAndRefusesUnknownVersions() throws Exception {
    JsonStateSerializer<AlertRequest> serializer = new JsonStateSerializer<>(AlertRequest.class);
    AlertRequest a = alert("INC-1:OPENED", "{\"k\":1}");

    assertThat(serializer.deserialize(JsonStateSerializer.VERSION, serializer.serialize(a)))
        .isEqualTo(a);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> serializer.deserialize(99, new byte[0]))
        .isInstanceOf(java.io.IOException.class);
  }
}
