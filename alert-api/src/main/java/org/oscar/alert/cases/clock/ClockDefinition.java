package org.oscar.alert.cases.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.oscar.alert.cases.model.CasePart;
import org.oscar.alert.cases.model.CaseType;

/**
 * One deadline the law (or a scheme) sets on a case: what starts it, what satisfies it, what closes
 * it for another reason, when it is due, when to remind and whom, and the ladder of posts it climbs
 * once overdue. {@code caseTypes} empty: every type. {@code part} decides who sees it on the case.
 */
public record ClockDefinition(
    String id,
    String title,
    String source,
    CasePart part,
    Set<CaseType> caseTypes,
    List<EventMatch> startsOn,
    List<EventMatch> satisfiedBy,
    List<EventMatch> closedBy,
    Duration dueAfter,
    List<Double> reminders,
    List<String> remind,
    List<Rung> ladder) {

  /** A rung: {@code after} the due time, these posts are told. */
  public record Rung(Duration after, List<String> posts) {
    public Rung {
      posts = List.copyOf(posts);
    }
  }

  public ClockDefinition {
    caseTypes = caseTypes == null ? Set.of() : Set.copyOf(caseTypes);
    startsOn = List.copyOf(startsOn);
    satisfiedBy = List.copyOf(satisfiedBy);
    closedBy = closedBy == null ? List.of() : List.copyOf(closedBy);
    reminders = reminders == null ? List.of() : reminders.stream().sorted().toList();
    remind = remind == null ? List.of() : List.copyOf(remind);
    ladder = List.copyOf(ladder);
  }

  public boolean appliesTo(CaseType type) {
    return caseTypes.isEmpty() || caseTypes.contains(type);
  }

  /** Everything the clock will do if nothing satisfies it, in time order, from its start. */
  public List<ClockStep> steps(Instant startedAt) {
    return steps(startedAt, startedAt.plus(dueAfter));
  }

  /**
   * The steps of a clock that started at {@code startedAt} and is due at {@code due} (as it was
   * started: a later policy with another time changes no running clock's due time).
   */
  public List<ClockStep> steps(Instant startedAt, Instant due) {
    List<ClockStep> steps = new ArrayList<>();
    long dueMs = java.time.Duration.between(startedAt, due).toMillis();
    for (double f : reminders) {
      steps.add(
          new ClockStep(
              steps.size(),
              startedAt.plusMillis(Math.round(dueMs * f)),
              ClockStep.Kind.REMINDER,
              remind));
    }
    for (int i = 0; i < ladder.size(); i++) {
      steps.add(
          new ClockStep(
              steps.size(),
              due.plus(ladder.get(i).after()),
              i == 0 ? ClockStep.Kind.OVERDUE : ClockStep.Kind.ESCALATION,
              ladder.get(i).posts()));
    }
    return steps;
  }
}
