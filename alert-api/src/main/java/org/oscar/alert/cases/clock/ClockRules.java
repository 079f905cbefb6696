package org.oscar.alert.cases.clock;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.oscar.alert.cases.CaseProblem;
import org.oscar.alert.cases.model.CaseType;

/**
 * What an event recorded on a case does to its clocks: it satisfies or closes the running clocks
 * that listen for it, then starts the clocks it starts (one running instance per clock and case; a
 * clock does not start when what it waits for has already happened: an event that would meet or
 * close it with no start of it before, e.g. the examination before the FIR, or her declining it; a
 * second shelter stay starts its own clock, the first discharge having ended the first). An event
 * that would end a running clock before the clock started is refused, naming {@code happenedAt}.
 * Pure.
 */
public final class ClockRules {
  private ClockRules() {}

  /** A clock running on the case. */
  public record Running(long id, String clock, Instant startedAt) {}

  /** An event already on the case, and when it happened. */
  public record Past(String type, JsonObject data, Instant at) {}

  public record Start(ClockDefinition clock, Instant startedAt) {
    public Instant dueAt() {
      return startedAt.plus(clock.dueAfter());
    }
  }

  /** A running clock ended: met (satisfied), or closed for another reason. */
  public record End(Running clock, boolean met, Instant at, String by) {}

  public record Changes(List<Start> starts, List<End> ends) {
    public boolean isEmpty() {
      return starts.isEmpty() && ends.isEmpty();
    }
  }

  public static Changes onEvent(
      ClockPolicy policy,
      CaseType caseType,
      String type,
      JsonObject data,
      Instant happenedAt,
      List<Running> running,
      List<Past> history) {
    List<End> ends = new ArrayList<>();
    for (Running r : running) {
      ClockDefinition def = policy.clock(r.clock()).orElse(null);
      if (def == null) {
        continue;
      }
      boolean met = any(def.satisfiedBy(), type, data);
      boolean closed = !met && any(def.closedBy(), type, data);
      if (!met && !closed) {
        continue;
      }
      if (happenedAt.isBefore(r.startedAt())) {
        throw CaseProblem.invalid(
            "happenedAt",
            "is before the "
                + def.id()
                + " clock it ends started ("
                + r.startedAt()
                + "): record when it happened");
      }
      ends.add(new End(r, met, happenedAt, type));
    }
    List<Start> starts = new ArrayList<>();
    for (ClockDefinition def : policy.clocks()) {
      if (!def.appliesTo(caseType) || !any(def.startsOn(), type, data)) {
        continue;
      }
      boolean alreadyRunning =
          running.stream()
              .anyMatch(
                  r ->
                      r.clock().equals(def.id())
                          && ends.stream().noneMatch(e -> e.clock().id() == r.id()));
      if (!alreadyRunning && !alreadyEnded(def, history)) {
        starts.add(new Start(def, happenedAt));
      }
    }
    return new Changes(starts, ends);
  }

  /** An ending event on the case that no earlier start of this clock accounts for. */
  private static boolean alreadyEnded(ClockDefinition def, List<Past> history) {
    for (Past end : history) {
      boolean ends =
          any(def.satisfiedBy(), end.type(), end.data())
              || any(def.closedBy(), end.type(), end.data());
      if (!ends) {
        continue;
      }
      boolean startedBefore =
          history.stream()
              .anyMatch(s -> any(def.startsOn(), s.type(), s.data()) && !s.at().isAfter(end.at()));
      if (!startedBefore) {
        return true;
      }
    }
    return false;
  }

  private static boolean any(List<EventMatch> matches, String type, JsonObject data) {
    return matches.stream().anyMatch(m -> m.matches(type, data));
  }
}
