package org.oscar.contract.alert;

/**
 * One step of one notification's delivery, as the incident's timeline shows it: which post, over
 * which channel, what happened and when. Never the phone number or e-mail address.
 */
public record DeliveryReceipt(
    String deliveryId,
    String incidentId,
    String officialId,
    String level,
    String channel,
    DeliveryStatus status,
    int attempt,
    long at,
    String detail) {}
