package org.oscar.alert.cases.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.oscar.alert.cases.model.Agency;
import org.oscar.alert.cases.model.CasePart;
import org.oscar.alert.cases.model.ReferralState;
import org.oscar.alert.cases.model.UserRole;
import org.oscar.alert.http.auth.Principal;

/**
 * Need-to-know. A case belongs to a district (or, with none known, to its dispatch region, as
 * incidents do). OSC staff of that district see and work all of it. An agency's user of that
 * district sees a case only while a referral to their agency is live (SENT or ACCEPTED): its
 * summary, their agency's own part, and the parts the referral shares while her consent stands;
 * they record events in their own part once they have accepted. Control-room users, other districts
 * and other agencies see nothing (403). A district official (SP, DM, CMO) reads a case once it is
 * escalated to their post: its summary and the part the post oversees ({@link OfficialPosts}).
 */
public final class CaseAccess {
  private CaseAccess() {}

  public static boolean inDistrict(Principal p, String district, String region) {
    if (p.service()) {
      return true;
    }
    if (p.state() != null) {
      return p.regions().contains(region);
    }
    return district == null ? p.regions().contains(region) : district.equals(p.district());
  }

  /**
   * @param escalatedTo the officials' posts the case has been escalated to
   */
  public static Visibility of(
      Principal p,
      String district,
      String region,
      Agency agency,
      List<ReferralGrant> grants,
      List<String> escalatedTo) {
    if (!inDistrict(p, district, region)) {
      return Visibility.NONE;
    }
    if (p.role().isOscStaff()) {
      return Visibility.oscStaff();
    }
    if (p.role() == UserRole.OFFICIAL) {
      return p.post() != null && escalatedTo.contains(p.post())
          ? new Visibility(false, OfficialPosts.oversees(p.post()), null)
          : Visibility.NONE;
    }
    if (agency == null || !agency.id().equals(p.agency())) {
      return Visibility.NONE;
    }
    Set<CasePart> parts = partsGranted(agency, grants);
    return parts.isEmpty() ? Visibility.NONE : new Visibility(false, parts, agency.id());
  }

  /**
   * The parts of a case an agency is entitled to while a referral to it is live: its own part, and
   * what each live referral shares while her consent for it stands.
   */
  public static Set<CasePart> partsGranted(Agency agency, List<ReferralGrant> grants) {
    Set<CasePart> parts = EnumSet.noneOf(CasePart.class);
    for (ReferralGrant g : grants) {
      if (!g.agencyId().equals(agency.id()) || !g.state().grantsAccess()) {
        continue;
      }
      if (agency.kind().part() != null) {
        parts.add(agency.kind().part());
      }
      if (g.consentStands()) {
        parts.addAll(g.shares());
      }
    }
    return parts;
  }

  /** Whether the user may record an event in {@code part} of a case they see as {@code v}. */
  public static boolean mayRecord(
      Visibility v, CasePart part, Agency agency, List<ReferralGrant> grants) {
    if (v.osc()) {
      return true;
    }
    if (agency == null || agency.kind().part() != part) {
      return false;
    }
    return grants.stream()
        .anyMatch(g -> g.agencyId().equals(agency.id()) && g.state() == ReferralState.ACCEPTED);
  }
}
