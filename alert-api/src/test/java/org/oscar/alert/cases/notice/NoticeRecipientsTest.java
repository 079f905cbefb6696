package org.oscar.alert.cases.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oscar.alert.cases.access.ReferralGrant;
import org.oscar.alert.cases.model.Agency;
import org.oscar.alert.cases.model.AgencyKind;
import org.oscar.alert.cases.model.CasePart;
import org.oscar.alert.cases.model.ReferralState;
import org.oscar.alert.cases.notice.NoticeRecipients.Recipient;
import org.oscar.alert.cases.workflow.ServiceEventType;

class NoticeRecipientsTest {
  private static final Agency OSC =
      new Agency("OSC-K", AgencyKind.OSC, "Khordha", "OSC", "OSC_ADMIN:OSC-K");
  private static final Agency POLICE =
      new Agency("PS-C", AgencyKind.POLICE_STATION, "Khordha", "Capital", "SHO:Capital");
  private static final Agency DLSA = new Agency("DLSA-K", AgencyKind.DLSA, "Khordha", "DLSA");
  private static final Agency HOSPITAL =
      new Agency("HOSP-C", AgencyKind.HOSPITAL, "Khordha", "Hospital", "NODAL:HOSP-C");
  private static final Map<String, Agency> AGENCIES =
      Map.of(POLICE.id(), POLICE, DLSA.id(), DLSA, HOSPITAL.id(), HOSPITAL);

  @Test
  void aReferralSentOrRevokedTellsItsAgencyAndItsAnswerTellsTheOsc() {
    assertThat(NoticeRecipients.ofReferralStep(ReferralState.SENT, DLSA, List.of(OSC)))
        .containsExactly(new Recipient("AGENCY:DLSA-K", "DLSA-K"));
    assertThat(NoticeRecipients.ofReferralStep(ReferralState.REVOKED, DLSA, List.of(OSC)))
        .extracting(Recipient::agencyId)
        .containsExactly("DLSA-K");
    for (ReferralState answer :
        List.of(ReferralState.ACCEPTED, ReferralState.REJECTED, ReferralState.DONE)) {
      assertThat(NoticeRecipients.ofReferralStep(answer, DLSA, List.of(OSC)))
          .containsExactly(new Recipient("OSC_ADMIN:OSC-K", "OSC-K"));
    }
  }

  @Test
  void anFirTellsTheOscAndEveryAgencyEntitledToThePolicePartButNotTheStationThatRecordedIt() {
    List<ReferralGrant> grants =
        List.of(
            new ReferralGrant("PS-C", ReferralState.ACCEPTED, Set.of(), true),
            new ReferralGrant("DLSA-K", ReferralState.ACCEPTED, Set.of(CasePart.POLICE), true),
            new ReferralGrant("HOSP-C", ReferralState.SENT, Set.of(), true));

    List<Recipient> told =
        NoticeRecipients.ofEvent(
            ServiceEventType.FIR_STATUS, List.of(OSC), AGENCIES, grants, "PS-C", false);

    assertThat(told)
        .extracting(Recipient::post)
        .containsExactly("OSC_ADMIN:OSC-K", "AGENCY:DLSA-K");
  }

  @Test
  void aWithdrawnConsentOrAnEndedReferralTellsThatAgencyNothing() {
    List<ReferralGrant> grants =
        List.of(
            new ReferralGrant("DLSA-K", ReferralState.ACCEPTED, Set.of(CasePart.MEDICAL), false),
            new ReferralGrant("PS-C", ReferralState.REVOKED, Set.of(CasePart.MEDICAL), true));

    List<Recipient> told =
        NoticeRecipients.ofEvent(
            ServiceEventType.MEDICAL_REPORT_SENT, List.of(OSC), AGENCIES, grants, "HOSP-C", false);

    assertThat(told).extracting(Recipient::agencyId).containsExactly("OSC-K");
  }

  @Test
  void theOscIsNotToldOfWhatItsOwnStaffRecordedNorAnyoneOfARoutineEvent() {
    List<ReferralGrant> grants =
        List.of(new ReferralGrant("DLSA-K", ReferralState.ACCEPTED, Set.of(), true));

    assertThat(
            NoticeRecipients.ofEvent(
                ServiceEventType.HEARING_SCHEDULED, List.of(OSC), AGENCIES, grants, "OSC-K", true))
        .extracting(Recipient::agencyId)
        .containsExactly("DLSA-K");
    assertThat(
            NoticeRecipients.ofEvent(
                ServiceEventType.COUNSELLING_SESSION, List.of(OSC), AGENCIES, grants, null, false))
        .isEmpty();
  }

  @Test
  void aNoticeNamesTheCaseAndItsLinkButNothingRecorded() {
    NoticeCause cause =
        NoticeCause.event("EV-9", ServiceEventType.FIR_REGISTERED, "Capital Police Station");

    assertThat(cause.key()).isEqualTo("EV-9");
    assertThat(cause.text("CASE-4", "OSC_ADMIN:OSC-K", "https://oscar/cases.html#/cases/"))
        .isEqualTo(
            "OSCAR CASE CASE-4: an FIR was registered (recorded by Capital Police Station). You are"
                + " told as OSC_ADMIN:OSC-K. Open: https://oscar/cases.html#/cases/CASE-4");
    assertThat(NoticeCause.referral("REF-2", ReferralState.SENT, "DLSA").key())
        .isEqualTo("REF-2:SENT");
  }
}
