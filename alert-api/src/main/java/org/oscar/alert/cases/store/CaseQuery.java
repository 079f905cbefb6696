package org.oscar.alert.cases.store;

import java.util.Set;
import org.oscar.alert.cases.model.CaseState;
import org.oscar.alert.cases.model.CaseType;

/**
 * A case list: a district's cases (or, with {@code onlyReferredTo}, only those with a live referral
 * to that agency; with {@code onlyEscalatedTo}, only those escalated to that official's post),
 * newest first, filtered by state, type, an agency referred to and the incident it came from.
 */
public record CaseQuery(
    String district,
    Set<String> regions,
    String onlyReferredTo,
    String onlyEscalatedTo,
    CaseState state,
    CaseType type,
    String referredTo,
    String incidentId,
    int limit) {}
