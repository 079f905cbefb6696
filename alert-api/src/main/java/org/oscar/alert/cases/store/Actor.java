package org.oscar.alert.cases.store;

/** Who does something to a case, for the record and the audit trail: user, agency, address. */
public record Actor(String name, String agency, String remote) {}
