package org.oscar.alert.cases.store;

/**
 * Who does something to a case, for the record and the audit trail: user, agency, address, and
 * whether they are the OSC's own staff (whom a notice of their own change would only echo).
 */
public record Actor(String name, String agency, String remote, boolean oscStaff) {}
