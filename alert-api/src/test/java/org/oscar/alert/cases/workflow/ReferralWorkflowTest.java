package org.oscar.alert.cases.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.oscar.alert.cases.model.ReferralState.ACCEPTED;
import static org.oscar.alert.cases.model.ReferralState.DONE;
import static org.oscar.alert.cases.model.ReferralState.REJECTED;
import static org.oscar.alert.cases.model.ReferralState.REVOKED;
import static org.oscar.alert.cases.model.ReferralState.SENT;
import static org.oscar.alert.cases.workflow.ReferralWorkflow.Side.AGENCY;
import static org.oscar.alert.cases.workflow.ReferralWorkflow.Side.OSC;

import org.junit.jupiter.api.Test;
import org.oscar.alert.cases.CaseProblem;

class ReferralWorkflowTest {
  @Test
  void theAgencyAcceptsWhatWasSentAndMarksDoneWhatItAccepted() {
    assertThatCode(() -> ReferralWorkflow.checkStep(SENT, ACCEPTED, AGENCY, null))
        .doesNotThrowAnyException();
    assertThatCode(() -> ReferralWorkflow.checkStep(ACCEPTED, DONE, AGENCY, null))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> ReferralWorkflow.checkStep(SENT, DONE, AGENCY, null))
        .isInstanceOf(CaseProblem.class);
  }

  @Test
  void aRejectionNeedsAReason() {
    assertThatThrownBy(() -> ReferralWorkflow.checkStep(SENT, REJECTED, AGENCY, " "))
        .isInstanceOfSatisfying(CaseProblem.class, p -> assertThat(p.field()).isEqualTo("reason"));
    assertThatCode(() -> ReferralWorkflow.checkStep(SENT, REJECTED, AGENCY, "not our jurisdiction"))
        .doesNotThrowAnyException();
  }

  @Test
  void onlyTheOscRevokesAndOnlyBeforeTheReferralIsFinal() {
    assertThatCode(() -> ReferralWorkflow.checkStep(ACCEPTED, REVOKED, OSC, null))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> ReferralWorkflow.checkStep(SENT, REVOKED, AGENCY, null))
        .isInstanceOf(CaseProblem.class);
    assertThatThrownBy(() -> ReferralWorkflow.checkStep(DONE, REVOKED, OSC, null))
        .isInstanceOf(CaseProblem.class);
    assertThatThrownBy(() -> ReferralWorkflow.checkStep(SENT, ACCEPTED, OSC, null))
        .as("the OSC does not accept on the agency's behalf")
        .isInstanceOf(CaseProblem.class);
  }
}
