package org.oscar.stream.dispatch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oscar.contract.codec.Json;
import org.oscar.stream.dispatch.eta.StraightLineTravelTime;
import org.oscar.stream.event.DeviceEvent;
import org.oscar.stream.region.TestRegions;

/**
 * The same recorded input gives the same decisions: a live run's inputs, written to a file and read
 * back, replayed through a fresh engine reproduce its decision log line for line.
 */
public class ReplayDeterminismTest {
  public static RegionDispatcher engine() {
    return new RegionDispatcher(
        TestRegions.khordhaArea(RegionFixture.REGION, null), StraightLineTravelTime.defaults());
  }

  @Test
  void replayOfARecordedRunReproducesTheDecisionLogExactly(@TempDir Path dir) throws IOException {
    RegionDispatcher live = engine();
    RecordedRun run = new RecordedRun(7, live, 120);
    Path recording = dir.resolve("run.jsonl");
    write(recording, run.inputs);

    RegionDispatcher replayed = engine();
    DecisionLog replay = Replay.run(read(recording), replayed, run.end);

    assertThat(replay.downlink).containsExactlyElementsOf(run.decisions.downlink);
    assertThat(replay.incidents).containsExactlyElementsOf(run.decisions.incidents);
    assertThat(replay.alerts).containsExactlyElementsOf(run.decisions.alerts);
    assertThat(live.stuckDeadlines()).isZero();
    assertThat(replayed.stuckDeadlines()).isZero();
  }

  @Test
  void theRecordedRunExercisesEveryPath() {
    RecordedRun run = new RecordedRun(7, engine(), 120);
    String all = String.join("\n", run.decisions.incidents);

    for (String what :
        List.of(
            "\"OPENED\"",
            "\"ASSIGNED\"",
            "\"ACCEPTED\"",
            "\"WITHDRAWN_STRIKE\"",
            "\"ARRIVED\"",
            "\"TRANSPORTING\"",
            "\"HANDED_OVER\"",
            "\"CLOSED\"",
            "\"CANCELLED\"",
            "\"DURESS\"",
            "\"CANCEL_REFUSED\"",
            "\"MOVED\"",
            "\"PRESSED_AGAIN\"",
            "\"ALERTED_ESCALATED\"")) {
      assertThat(all).as("timeline step %s", what).contains(what);
    }
    assertThat(run.inputs).hasSizeGreaterThan(5_000);
  }

  static void write(Path file, List<DeviceEvent> events) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (DeviceEvent e : events) {
      sb.append(Json.toString(e)).append('\n');
    }
    Files.writeString(file, sb);
  }

  static List<DeviceEvent> read(Path file) throws IOException {
    try (MappingIterator<DeviceEvent> it =
        Json.mapper().readerFor(DeviceEvent.class).readValues(file.toFile())) {
      return it.readAll();
    }
  }
}
