package org.oscar.alert.cases.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oscar.alert.cases.CaseProblem;
import org.oscar.alert.cases.model.Agency;
import org.oscar.alert.cases.model.AgencyKind;
import org.oscar.alert.cases.model.CasePart;
import org.oscar.alert.cases.model.Consent;
import org.oscar.alert.cases.model.UserRole;

class SharingRulesTest {
  private static final Agency DLSA = new Agency("DLSA-K", AgencyKind.DLSA, "Khordha", "DLSA");
  private static final Set<CasePart> POLICE = Set.of(CasePart.POLICE);

  @Test
  void aConsentNamingTheAgencyOrItsKindAndCoveringTheSharesIsTheBasis() {
    Consent byId = new Consent("CON-1", POLICE, Set.of("DLSA-K"), false);
    Consent byKind = new Consent("CON-2", POLICE, Set.of("DLSA"), false);

    assertThat(basis(List.of(byId), UserRole.CASE_WORKER, null).consentId()).isEqualTo("CON-1");
    assertThat(basis(List.of(byKind), UserRole.CASE_WORKER, null).consentId()).isEqualTo("CON-2");
  }

  @Test
  void aWithdrawnOrNarrowerConsentIsNoBasis() {
    Consent withdrawn = new Consent("CON-1", POLICE, Set.of("DLSA-K"), true);
    Consent narrower = new Consent("CON-2", Set.of(), Set.of("DLSA-K"), false);
    Consent otherAgency = new Consent("CON-3", POLICE, Set.of("CWC"), false);

    assertThatThrownBy(
            () -> basis(List.of(withdrawn, narrower, otherAgency), UserRole.OSC_ADMIN, null))
        .isInstanceOfSatisfying(CaseProblem.class, p -> assertThat(p.field()).isEqualTo("shares"));
  }

  @Test
  void evenAReferralSharingOnlyTheAgencysOwnPartNeedsHerConsent() {
    assertThatThrownBy(
            () ->
                SharingRules.basisFor(
                    DLSA, Set.of(CasePart.LEGAL), List.of(), UserRole.OSC_ADMIN, null))
        .isInstanceOf(CaseProblem.class);
  }

  @Test
  void onlyTheCentreAdministratorOverridesAndOnlyWithAReason() {
    assertThatThrownBy(() -> basis(List.of(), UserRole.CASE_WORKER, "urgent"))
        .isInstanceOfSatisfying(CaseProblem.class, p -> assertThat(p.status()).isEqualTo(403));
    assertThat(basis(List.of(), UserRole.OSC_ADMIN, " she cannot speak yet ").overrideReason())
        .isEqualTo("she cannot speak yet");
  }

  @Test
  void aCaseIsNotReferredToAnOsc() {
    Agency osc = new Agency("OSC-K", AgencyKind.OSC, "Khordha", "OSC");
    assertThatThrownBy(
            () -> SharingRules.basisFor(osc, Set.of(), List.of(), UserRole.OSC_ADMIN, "x"))
        .isInstanceOfSatisfying(
            CaseProblem.class, p -> assertThat(p.field()).isEqualTo("agencyId"));
  }

  private static SharingRules.Basis basis(List<Consent> consents, UserRole role, String override) {
    return SharingRules.basisFor(DLSA, POLICE, consents, role, override);
  }
}
