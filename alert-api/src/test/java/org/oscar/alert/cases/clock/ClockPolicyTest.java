package org.oscar.alert.cases.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClockPolicyTest {
  @Test
  void theBundledOdishaPolicyLoadsWithEveryClockOfTheLawAndItsSource() {
    ClockPolicy odisha = ClockPolicy.bundled();

    assertThat(odisha.byId().keySet())
        .contains(
            "MEDICAL_EXAMINATION",
            "MEDICAL_REPORT",
            "TREATMENT",
            "E_FIR_SIGNED",
            "INVESTIGATION",
            "VICTIM_INFORMED",
            "CHARGESHEET_AFTER_ARREST",
            "CWC_PRODUCTION",
            "DV_FIRST_HEARING",
            "DV_DISPOSAL",
            "OSC_SHELTER");
    assertThat(odisha.clocks()).allSatisfy(c -> assertThat(c.source()).isNotBlank());
    assertThat(odisha.clock("MEDICAL_EXAMINATION").orElseThrow().dueAfter())
        .isEqualTo(Duration.ofHours(24));
  }

  @Test
  void aClocksStepsRemindThenMarkItOverdueThenClimbItsLadderInTimeOrder() {
    ClockDefinition medical = ClockPolicy.bundled().clock("MEDICAL_EXAMINATION").orElseThrow();
    Instant fir = Instant.parse("2026-12-01T10:00:00Z");

    assertThat(medical.steps(fir))
        .extracting(ClockStep::kind, ClockStep::at, ClockStep::posts)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                ClockStep.Kind.REMINDER,
                Instant.parse("2026-12-01T22:00:00Z"),
                java.util.List.of("HOSPITAL", "OSC_ADMIN")),
            org.assertj.core.groups.Tuple.tuple(
                ClockStep.Kind.REMINDER,
                Instant.parse("2026-12-02T07:36:00Z"),
                java.util.List.of("HOSPITAL", "OSC_ADMIN")),
            org.assertj.core.groups.Tuple.tuple(
                ClockStep.Kind.OVERDUE,
                Instant.parse("2026-12-02T10:00:00Z"),
                java.util.List.of("HOSPITAL")),
            org.assertj.core.groups.Tuple.tuple(
                ClockStep.Kind.ESCALATION,
                Instant.parse("2026-12-02T12:00:00Z"),
                java.util.List.of("CMO")),
            org.assertj.core.groups.Tuple.tuple(
                ClockStep.Kind.ESCALATION,
                Instant.parse("2026-12-02T16:00:00Z"),
                java.util.List.of("DM")));
  }

  @Test
  void aReminderAlreadyOvertakenByItsClocksDueTimeIsPassedOverButNoOverdueStepIs() {
    ClockDefinition medical = ClockPolicy.bundled().clock("MEDICAL_EXAMINATION").orElseThrow();
    Instant fir = Instant.parse("2026-12-01T10:00:00Z");
    java.util.List<ClockStep> steps = medical.steps(fir);

    assertThat(ClockStep.next(steps, fir, fir.plusSeconds(60)).kind())
        .isEqualTo(ClockStep.Kind.REMINDER);
    assertThat(ClockStep.next(steps, fir, Instant.parse("2026-12-02T11:00:00Z")).kind())
        .as("started from an FIR recorded a day late: no reminder of what is already overdue")
        .isEqualTo(ClockStep.Kind.OVERDUE);
    assertThat(
            ClockStep.next(
                    steps,
                    Instant.parse("2026-12-02T12:00:00Z"),
                    Instant.parse("2026-12-09T00:00:00Z"))
                .posts())
        .as("an escalation is never passed over")
        .containsExactly("CMO");
    assertThat(medical.steps(fir, fir.plusSeconds(3600)).get(2).at())
        .as("a running clock keeps the due time it started with")
        .isEqualTo(fir.plusSeconds(3600));
  }

  @Test
  void aBadPolicyIsRefusedWithEveryProblemListedAtOnce() {
    String bad =
        """
        {"state": "X", "version": "1", "clocks": [
          {"id": "A", "title": "a", "source": "s", "part": "MEDICAL", "startsOn": ["NO_SUCH_EVENT"],
           "satisfiedBy": ["EXAMINATION_STARTED"], "dueAfter": "PT1H",
           "ladder": [{"after": "PT0S", "posts": ["SHERIFF"]}]},
          {"id": "A", "title": "b", "source": "s", "part": "NOWHERE", "startsOn": ["FIR_REGISTERED"],
           "satisfiedBy": ["FIR_STATUS:status"], "dueAfter": "soon", "reminders": [1.5]}
        ]}
        """;

    assertThatThrownBy(() -> ClockPolicy.parse(bad, "bad.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad.json")
        .hasMessageContaining("names no event type: NO_SUCH_EVENT")
        .hasMessageContaining("unknown post SHERIFF")
        .hasMessageContaining("A: id is not unique")
        .hasMessageContaining("part: NOWHERE")
        .hasMessageContaining("TYPE:field=VALUE")
        .hasMessageContaining("not an ISO-8601 duration")
        .hasMessageContaining("between 0 and 1")
        .hasMessageContaining("needs a ladder");
    assertThatThrownBy(() -> ClockPolicy.parse("not json", "x.json"))
        .hasMessageContaining("not a JSON object");
  }
}
