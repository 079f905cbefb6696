package org.oscar.alert.cases.clock;

import java.time.Instant;
import java.util.List;

/**
 * One thing a running clock does at its time: reminds before it is due, marks it overdue and
 * escalates at the due time (the ladder's first rung), or escalates further (later rungs). {@code
 * posts} are roles ({@code HOSPITAL}, {@code SP}, ...), resolved to the case's posts when it fires.
 */
public record ClockStep(int index, Instant at, Kind kind, List<String> posts) {
  public enum Kind {
    REMINDER,
    OVERDUE,
    ESCALATION
  }

  public ClockStep {
    posts = List.copyOf(posts);
  }

  /**
   * The step due at {@code from}, or later: a reminder whose next step is already due by {@code
   * now} (a clock started from a backdated event, a watcher back after an outage) is passed over,
   * since it would remind of something already overdue; an overdue step or an escalation never is.
   */
  public static ClockStep next(List<ClockStep> steps, Instant from, Instant now) {
    for (int i = 0; i < steps.size(); i++) {
      ClockStep s = steps.get(i);
      if (s.at().isBefore(from)) {
        continue;
      }
      boolean stale =
          s.kind() == ClockStep.Kind.REMINDER
              && i + 1 < steps.size()
              && !steps.get(i + 1).at().isAfter(now);
      if (!stale) {
        return s;
      }
    }
    return null;
  }
}
