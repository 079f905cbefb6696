package org.oscar.alert.cases.store;

import java.time.Instant;
import org.oscar.alert.cases.model.Consent;

public record ConsentRow(
    Consent consent,
    Instant givenAt,
    String recordedBy,
    Instant recordedAt,
    Instant withdrawnAt,
    String withdrawnBy) {}
