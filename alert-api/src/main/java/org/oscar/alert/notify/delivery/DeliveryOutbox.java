package org.oscar.alert.notify.delivery;

import io.vertx.core.Future;
import java.util.List;
import org.oscar.contract.alert.DeliveryReceipt;
import org.oscar.contract.alert.DeliveryStatus;

/**
 * Where deliveries wait to be sent: the emergency alerts' outbox in Redis, the case notices' in
 * PostgreSQL (written in the same transaction as the change they tell of). Both lease what they
 * hand out, so that a claimed delivery nobody settles is handed out again once the lease runs out.
 */
public interface DeliveryOutbox {
  /** Up to {@code max} deliveries due by {@code now}, each leased until {@code leaseUntil}. */
  Future<List<Delivery>> claimDue(long now, long leaseUntil, int max);

  /**
   * Records the receipt and either takes the delivery out (SENT, FAILED) or puts it back due at
   * {@code nextAttemptAt}; atomically.
   */
  Future<Void> settle(Delivery delivery, DeliveryReceipt receipt, Long nextAttemptAt);

  /**
   * A provider's later report on a delivery (DELIVERED, FAILED) as a receipt; false if this outbox
   * has no such delivery.
   */
  Future<Boolean> report(String deliveryId, DeliveryStatus status, long at, String detail);
}
