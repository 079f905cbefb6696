package org.oscar.alert.cases.access;

import java.util.EnumSet;
import java.util.Set;
import org.oscar.alert.cases.model.CasePart;

/**
 * What a user sees of one case. OSC staff see all of it; an agency's user sees the case's summary,
 * the parts granted, and only its own agency's referrals; nobody else sees it at all.
 */
public record Visibility(boolean osc, Set<CasePart> parts, String ownAgency) {
  public static final Visibility NONE = new Visibility(false, Set.of(), null);

  public Visibility {
    parts = parts == null ? Set.of() : Set.copyOf(parts);
  }

  static Visibility oscStaff() {
    return new Visibility(true, EnumSet.allOf(CasePart.class), null);
  }

  public boolean any() {
    return osc || !parts.isEmpty();
  }

  public boolean sees(CasePart part) {
    return osc || parts.contains(part);
  }

  /** The rescue's incident (positions, units, timeline) is the OSC's only. */
  public boolean seesIncident() {
    return osc;
  }

  public boolean seesReferral(String agencyId) {
    return osc || agencyId.equals(ownAgency);
  }
}
