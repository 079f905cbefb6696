package org.oscar.alert.cases.store;

import java.time.Instant;
import java.util.Set;
import org.oscar.alert.cases.model.CasePart;
import org.oscar.alert.cases.model.ReferralState;

public record ReferralRow(
    String id,
    String caseId,
    String agencyId,
    CasePart service,
    Set<CasePart> shares,
    ReferralState state,
    String reason,
    String consentId,
    String overrideReason,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    int version) {}
