package org.oscar.alert.cases.store;

import java.util.Set;
import org.oscar.alert.cases.model.CaseState;
import org.oscar.alert.cases.model.CaseType;

/**
 * A case list: a district's cases (or, with {@code onlyReferredTo}, only those with a live referral
 * to that agency; with {@code onlyEscalatedTo}, only those escalated to that official's post),
 * newest first, filtered by state, type, an agency referred to, the incident it came from and
 * whether a legal clock on it is overdue.
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
    boolean overdue,
    int limit) {}
