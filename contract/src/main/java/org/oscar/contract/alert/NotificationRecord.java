package org.oscar.contract.alert;

/**
 * One notification to one official for one incident at one escalation level. {@code officialId}
 * names the post (e.g. the SHO of a station), never the person's phone or e-mail, so the record can
 * be shown and logged without leaking contact data.
 */
public record NotificationRecord(
    String incidentId,
    String role,
    String level,
    String officialId,
    String jurisdiction,
    String channel,
    String status,
    long recordedAt) {}
