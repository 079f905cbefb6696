package org.oscar.alert.cases.store;

import org.oscar.alert.cases.model.AgeBand;
import org.oscar.alert.cases.model.CaseState;
import org.oscar.alert.cases.model.CaseType;
import org.oscar.alert.cases.model.ClosureReason;

/**
 * A user's edit of a case, made on {@code version}: any field left null stays as it is. Made on an
 * older version than the stored one, it is refused (409) and nothing changes.
 */
public record CaseChange(
    int version,
    CaseState state,
    ClosureReason closureReason,
    CaseType type,
    AgeBand ageBand,
    Boolean minor) {}
