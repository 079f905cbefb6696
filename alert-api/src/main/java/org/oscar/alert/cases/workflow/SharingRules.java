package org.oscar.alert.cases.workflow;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.oscar.alert.cases.CaseProblem;
import org.oscar.alert.cases.model.Agency;
import org.oscar.alert.cases.model.CasePart;
import org.oscar.alert.cases.model.Consent;
import org.oscar.alert.cases.model.UserRole;

/**
 * A referral shares parts of her case only with her recorded consent, or, where there is none, on
 * the OSC Centre Administrator's override with a reason (audited and counted). Even a referral that
 * shares nothing beyond the agency's own part needs one: it tells the agency she has a case.
 */
public final class SharingRules {
  private SharingRules() {}

  /** The decision: the consent it rests on, or the override's reason. */
  public record Basis(String consentId, String overrideReason) {}

  public static Basis basisFor(
      Agency agency,
      Set<CasePart> shares,
      List<Consent> consents,
      UserRole role,
      String overrideReason) {
    if (agency.kind().part() == null) {
      throw CaseProblem.invalid("agencyId", "a case is not referred to an OSC: " + agency.id());
    }
    Set<CasePart> beyondOwn = new java.util.HashSet<>(shares);
    beyondOwn.remove(agency.kind().part());
    Optional<Consent> consent =
        consents.stream().filter(c -> c.covers(agency, beyondOwn)).findFirst();
    if (consent.isPresent()) {
      return new Basis(consent.get().id(), null);
    }
    if (overrideReason == null || overrideReason.isBlank()) {
      throw CaseProblem.invalid(
          "shares",
          "no consent of hers covers referring her to "
              + agency.id()
              + (beyondOwn.isEmpty() ? "" : " with " + beyondOwn)
              + "; record it, or override with a reason");
    }
    if (role != UserRole.OSC_ADMIN) {
      throw CaseProblem.forbidden("only the OSC Centre Administrator may override consent");
    }
    if (shares.contains(CasePart.IDENTITY)) {
      // Disclosing a sexual-offence victim's identity is an offence (BNS s.72): only she decides.
      throw CaseProblem.invalid(
          "shares", "who she is is shared only on her consent, never on an override");
    }
    if (overrideReason.length() > FieldKind.MAX_TEXT) {
      throw CaseProblem.invalid("overrideReason", "must be at most 200 characters");
    }
    return new Basis(null, overrideReason.strip());
  }
}
