package org.oscar.alert.cases.store;

import org.oscar.alert.cases.model.AgeBand;
import org.oscar.alert.cases.model.CaseOrigin;
import org.oscar.alert.cases.model.CaseType;

/** A case opened at the OSC: a walk-in, a 181 call or a referral from another agency. */
public record NewCase(
    CaseOrigin origin, CaseType type, String district, AgeBand ageBand, boolean minor) {}
