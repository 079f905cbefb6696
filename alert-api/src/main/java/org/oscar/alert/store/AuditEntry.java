package org.oscar.alert.store;

/**
 * Who read or changed which case, when: {@code action} is READ, OPEN, ASSIGN, CLOSE, TAKE or
 * MARK_SERIOUS; {@code detail} names a unit or the command, never a survivor's data.
 */
public record AuditEntry(long at, String user, String action, String incidentId, String detail) {}
