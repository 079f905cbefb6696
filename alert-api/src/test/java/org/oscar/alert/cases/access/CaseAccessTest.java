package org.oscar.alert.cases.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oscar.alert.cases.model.Agency;
import org.oscar.alert.cases.model.AgencyKind;
import org.oscar.alert.cases.model.CasePart;
import org.oscar.alert.cases.model.ReferralState;
import org.oscar.alert.cases.model.UserRole;
import org.oscar.alert.http.auth.Principal;

class CaseAccessTest {
  private static final Agency CAPITAL =
      new Agency("PS-CAPITAL", AgencyKind.POLICE_STATION, "Khordha", "Capital");
  private static final Agency HOSPITAL =
      new Agency("HOSP-C", AgencyKind.HOSPITAL, "Khordha", "Capital Hospital");

  @Test
  void oscStaffSeeAllOfTheirDistrictsCasesAndNothingOfAnothers() {
    Principal admin = user(UserRole.OSC_ADMIN, "Khordha", null);

    assertThat(CaseAccess.of(admin, "Khordha", "khordha", null, List.of(), List.of()).osc())
        .isTrue();
    assertThat(CaseAccess.of(admin, "Cuttack", "cuttack", null, List.of(), List.of()).any())
        .isFalse();
  }

  @Test
  void aStationSeesItsOwnPartAndWhatTheReferralSharesWhileHerConsentStands() {
    Principal police = user(UserRole.AGENCY, "Khordha", "PS-CAPITAL");
    ReferralGrant live =
        new ReferralGrant("PS-CAPITAL", ReferralState.ACCEPTED, Set.of(CasePart.MEDICAL), true);
    ReferralGrant withdrawn =
        new ReferralGrant("PS-CAPITAL", ReferralState.ACCEPTED, Set.of(CasePart.MEDICAL), false);

    assertThat(CaseAccess.of(police, "Khordha", "r", CAPITAL, List.of(live), List.of()).parts())
        .containsExactlyInAnyOrder(CasePart.POLICE, CasePart.MEDICAL);
    assertThat(
            CaseAccess.of(police, "Khordha", "r", CAPITAL, List.of(withdrawn), List.of()).parts())
        .containsExactly(CasePart.POLICE);
  }

  @Test
  void anotherStationOrAFinishedReferralSeesNothing() {
    Principal police = user(UserRole.AGENCY, "Khordha", "PS-CAPITAL");
    ReferralGrant toOther =
        new ReferralGrant("PS-OTHER", ReferralState.ACCEPTED, Set.of(CasePart.MEDICAL), true);
    ReferralGrant revoked =
        new ReferralGrant("PS-CAPITAL", ReferralState.REVOKED, Set.of(CasePart.MEDICAL), true);

    assertThat(CaseAccess.of(police, "Khordha", "r", CAPITAL, List.of(toOther), List.of()).any())
        .isFalse();
    assertThat(CaseAccess.of(police, "Khordha", "r", CAPITAL, List.of(revoked), List.of()).any())
        .isFalse();
  }

  @Test
  void aHospitalRecordsOnlyMedicalEventsAndOnlyOnceItHasAccepted() {
    Principal hospital = user(UserRole.AGENCY, "Khordha", "HOSP-C");
    ReferralGrant sent = new ReferralGrant("HOSP-C", ReferralState.SENT, Set.of(), true);
    ReferralGrant accepted = new ReferralGrant("HOSP-C", ReferralState.ACCEPTED, Set.of(), true);
    Visibility v = CaseAccess.of(hospital, "Khordha", "r", HOSPITAL, List.of(sent), List.of());

    assertThat(v.parts()).containsExactly(CasePart.MEDICAL);
    assertThat(CaseAccess.mayRecord(v, CasePart.MEDICAL, HOSPITAL, List.of(sent))).isFalse();
    assertThat(CaseAccess.mayRecord(v, CasePart.MEDICAL, HOSPITAL, List.of(accepted))).isTrue();
    assertThat(CaseAccess.mayRecord(v, CasePart.POLICE, HOSPITAL, List.of(accepted))).isFalse();
  }

  @Test
  void aControlRoomUserSeesNoCase() {
    assertThat(
            CaseAccess.of(
                    user(UserRole.CONTROL_ROOM, "Khordha", null),
                    "Khordha",
                    "r",
                    null,
                    List.of(),
                    List.of())
                .any())
        .isFalse();
  }

  @Test
  void aCaseWithNoDistrictBelongsToItsRegionsUsers() {
    Principal admin = user(UserRole.OSC_ADMIN, "Khordha", null);
    assertThat(CaseAccess.of(admin, null, "khordha", null, List.of(), List.of()).osc()).isTrue();
    assertThat(CaseAccess.of(admin, null, "cuttack", null, List.of(), List.of()).any()).isFalse();
  }

  @Test
  void anOfficialReadsOnlyCasesEscalatedToTheirPostAndOnlyThePartItOversees() {
    Principal sp = official("SP:Khordha");
    Principal dm = official("DM:Khordha");
    List<String> escalated = List.of("SP:Khordha");

    Visibility seen = CaseAccess.of(sp, "Khordha", "r", null, List.of(), escalated);
    assertThat(seen.parts()).containsExactlyInAnyOrder(CasePart.POLICE, CasePart.CHILD);
    assertThat(seen.osc()).isFalse();
    assertThat(seen.seesIncident()).isFalse();
    assertThat(CaseAccess.mayRecord(seen, CasePart.POLICE, null, List.of())).isFalse();
    assertThat(CaseAccess.of(dm, "Khordha", "r", null, List.of(), escalated).any()).isFalse();
    assertThat(CaseAccess.of(sp, "Cuttack", "r", null, List.of(), List.of("SP:Cuttack")).any())
        .isFalse();
  }

  @Test
  void onlyAnSpDmOrCmoOfTheirOwnDistrictIsAnOfficialsPost() {
    assertThat(OfficialPosts.holds("DM:Khordha", "Khordha")).isTrue();
    assertThat(OfficialPosts.holds("STATE:Odisha", "Odisha")).isTrue();
    assertThat(OfficialPosts.oversees("STATE:Odisha")).as("reports only, no case").isEmpty();
    assertThat(OfficialPosts.holds("DM:Cuttack", "Khordha")).isFalse();
    assertThat(OfficialPosts.holds("SHO:Capital Police Station", "Khordha")).isFalse();
    assertThat(OfficialPosts.oversees("CMO:Khordha")).containsExactly(CasePart.MEDICAL);
    assertThat(OfficialPosts.oversees("nonsense")).isEmpty();
  }

  private static Principal official(String post) {
    return new Principal("o", false, "Khordha", Set.of("khordha"), UserRole.OFFICIAL, null, post);
  }

  private static Principal user(UserRole role, String district, String agency) {
    return new Principal("u", false, district, Set.of("khordha"), role, agency, null);
  }
}
