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
}
