package org.oscar.alert.cases.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.oscar.alert.cases.CaseProblem;
import org.oscar.alert.cases.model.AgeBand;
import org.oscar.alert.cases.model.CaseState;
import org.oscar.alert.cases.model.ClosureReason;

class CaseWorkflowTest {
  @Test
  void servicesFollowOneAnotherInWhateverOrderSheNeedsThem() {
    assertThatCode(
            () -> CaseWorkflow.checkTransition(CaseState.RESCUE, CaseState.MEDICAL_CARE, null))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                CaseWorkflow.checkTransition(CaseState.MEDICAL_CARE, CaseState.LEGAL_ACTION, null))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                CaseWorkflow.checkTransition(CaseState.LEGAL_ACTION, CaseState.MEDICAL_CARE, null))
        .doesNotThrowAnyException();
    assertThatCode(
            () -> CaseWorkflow.checkTransition(CaseState.COUNSELLING, CaseState.SHELTER, null))
        .doesNotThrowAnyException();
  }

  @Test
  void closingNeedsAReasonAndOnlyClosingTakesOne() {
    assertThatThrownBy(
            () -> CaseWorkflow.checkTransition(CaseState.SHELTER, CaseState.CLOSED, null))
        .isInstanceOfSatisfying(
            CaseProblem.class, p -> assertThat(p.field()).isEqualTo("closureReason"));
    assertThatThrownBy(
            () ->
                CaseWorkflow.checkTransition(
                    CaseState.SHELTER, CaseState.COUNSELLING, ClosureReason.DUPLICATE))
        .isInstanceOfSatisfying(
            CaseProblem.class, p -> assertThat(p.field()).isEqualTo("closureReason"));
    assertThatCode(
            () ->
                CaseWorkflow.checkTransition(
                    CaseState.COUNSELLING, CaseState.CLOSED, ClosureReason.SERVICES_COMPLETED))
        .doesNotThrowAnyException();
  }

  @Test
  void aClosedCaseOnlyReopensAsRegistered() {
    assertThatThrownBy(
            () -> CaseWorkflow.checkTransition(CaseState.CLOSED, CaseState.MEDICAL_CARE, null))
        .isInstanceOf(CaseProblem.class);
    assertThatCode(() -> CaseWorkflow.checkTransition(CaseState.CLOSED, CaseState.REGISTERED, null))
        .doesNotThrowAnyException();
  }

  @Test
  void noUserPutsACaseBackIntoRescueOrIntoTheStateItIsIn() {
    assertThatThrownBy(
            () -> CaseWorkflow.checkTransition(CaseState.REGISTERED, CaseState.RESCUE, null))
        .isInstanceOf(CaseProblem.class);
    assertThatThrownBy(
            () -> CaseWorkflow.checkTransition(CaseState.SHELTER, CaseState.SHELTER, null))
        .isInstanceOf(CaseProblem.class);
  }

  @Test
  void aBandUnder18MakesHerAMinorAndTheFlagCannotContradictTheBand() {
    assertThat(CaseWorkflow.minorOf(AgeBand.AGE_12_17, null)).isTrue();
    assertThat(CaseWorkflow.minorOf(AgeBand.UNKNOWN, true)).isTrue();
    assertThat(CaseWorkflow.minorOf(AgeBand.AGE_26_40, null)).isFalse();
    assertThatThrownBy(() -> CaseWorkflow.minorOf(AgeBand.UNDER_12, false))
        .isInstanceOfSatisfying(
            CaseProblem.class, p -> assertThat(p.field()).isEqualTo("survivor.minor"));
    assertThatThrownBy(() -> CaseWorkflow.minorOf(AgeBand.AGE_18_25, true))
        .isInstanceOf(CaseProblem.class);
  }
}
