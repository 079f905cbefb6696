package org.oscar.alert.cases.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oscar.alert.cases.CaseProblem;

class ServiceEventTypeTest {
  @Test
  void anEventKeepsItsCheckedFieldsAndDropsNoneSilently() {
    assertThat(
            ServiceEventType.FIR_REGISTERED.check(
                Map.of("station", " Capital ", "firNumber", "311/2026", "zeroFir", true)))
        .containsEntry("station", "Capital")
        .containsEntry("zeroFir", true);
  }

  @Test
  void eachProblemNamesItsField() {
    assertThat(field(() -> ServiceEventType.MLC_REGISTERED.check(Map.of("hospital", "C"))))
        .isEqualTo("data.mlcNumber");
    assertThat(
            field(
                () ->
                    ServiceEventType.STATEMENT_RECORDED.check(
                        Map.of("where", "CAFE", "byWomanOfficer", true))))
        .isEqualTo("data.where");
    assertThat(
            field(
                () ->
                    ServiceEventType.STATEMENT_RECORDED.check(
                        Map.of("where", "OSC", "byWomanOfficer", "yes"))))
        .isEqualTo("data.byWomanOfficer");
    assertThat(
            field(
                () ->
                    ServiceEventType.HEARING_SCHEDULED.check(
                        Map.of("nextHearingDate", "next tuesday"))))
        .isEqualTo("data.nextHearingDate");
    assertThat(
            field(
                () ->
                    ServiceEventType.COUNSELLING_SESSION.check(
                        Map.of("counsellor", "x".repeat(201)))))
        .isEqualTo("data.counsellor");
    assertThat(field(() -> ServiceEventType.SHELTER_DISCHARGED.check(Map.of("name", "her name"))))
        .as("a field the event does not have is refused, so nothing identifying slips in")
        .isEqualTo("data.name");
  }

  private static String field(Runnable r) {
    try {
      r.run();
    } catch (CaseProblem p) {
      return p.field();
    }
    throw new AssertionError("no problem raised");
  }

  @Test
  void aDateIsStoredInOneForm() {
    assertThat(ServiceEventType.HEARING_SCHEDULED.check(Map.of("nextHearingDate", "2027-01-15")))
        .containsEntry("nextHearingDate", "2027-01-15");
    assertThatThrownBy(
            () -> ServiceEventType.HEARING_SCHEDULED.check(Map.of("nextHearingDate", "2027-13-01")))
        .isInstanceOf(CaseProblem.class);
  }
}
