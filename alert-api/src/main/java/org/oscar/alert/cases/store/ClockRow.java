package org.oscar.alert.cases.store;

import java.time.Instant;

/** A legal clock as it stands on a case: what it is, its source in law, and where it is. */
public record ClockRow(
    long id,
    String clock,
    String title,
    String source,
    String part,
    String state,
    Instant startedAt,
    Instant dueAt,
    boolean breached,
    Instant endedAt,
    String endedBy) {}
