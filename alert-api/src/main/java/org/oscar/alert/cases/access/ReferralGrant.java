package org.oscar.alert.cases.access;

import java.util.Set;
import org.oscar.alert.cases.model.CasePart;
import org.oscar.alert.cases.model.ReferralState;

/**
 * What one referral gives its agency: the parts it shares, while it is live and its consent stands
 * (a withdrawn consent takes the shared parts back; an override stands on its own).
 */
public record ReferralGrant(
    String agencyId, ReferralState state, Set<CasePart> shares, boolean consentStands) {
  public ReferralGrant {
    shares = shares == null ? Set.of() : Set.copyOf(shares);
  }
}
