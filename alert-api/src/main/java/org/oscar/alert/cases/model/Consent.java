package org.oscar.alert.cases.model;

import java.util.Set;

/**
 * Her consent to share parts of her case with recipients: agency ids, or agency kinds (every agency
 * of that kind). Recorded by a user, with when she gave it; it stands until withdrawn.
 */
public record Consent(String id, Set<CasePart> parts, Set<String> recipients, boolean withdrawn) {
  public Consent {
    parts = parts == null ? Set.of() : Set.copyOf(parts);
    recipients = recipients == null ? Set.of() : Set.copyOf(recipients);
  }

  public boolean covers(Agency agency, Set<CasePart> shares) {
    return !withdrawn
        && parts.containsAll(shares)
        && (recipients.contains(agency.id()) || recipients.contains(agency.kind().name()));
  }
}
