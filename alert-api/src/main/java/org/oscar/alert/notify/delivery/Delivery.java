package org.oscar.alert.notify.delivery;

import org.oscar.contract.alert.DeliveryReceipt;
import org.oscar.contract.alert.DeliveryStatus;

/**
 * One notification to one official over one channel, as the outbox keeps it. {@code deliveryId}
 * ({@code incident:role:level:channel}) is also the idempotency key the provider sees, so a resend
 * after a crash is recognisable as the same message. {@code attempt} counts attempts made.
 */
public record Delivery(
    String deliveryId,
    String incidentId,
    String officialId,
    String level,
    String channel,
    String subject,
    String text,
    int attempt,
    long queuedAt) {

  public static String idOf(String incidentId, String role, String level, String channel) {
    return incidentId + ":" + role + ":" + level + ":" + channel;
  }

  /** A receipt for this delivery as it stands (its attempt number). */
  public DeliveryReceipt receipt(DeliveryStatus status, long at, String detail) {
    return new DeliveryReceipt(
        deliveryId, incidentId, officialId, level, channel, status, attempt, at, detail);
  }

  Delivery attempted() {
    return new Delivery(
        deliveryId, incidentId, officialId, level, channel, subject, text, attempt + 1, queuedAt);
  }
}
