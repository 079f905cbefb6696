package org.oscar.alert.notify.delivery;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import org.oscar.alert.store.AlertStore;
import org.oscar.contract.alert.DeliveryReceipt;
import org.oscar.contract.alert.DeliveryStatus;

/** The emergency alerts' outbox: the alert store's, its blocking calls run off the event loop. */
public final class RedisDeliveryOutbox implements DeliveryOutbox {
  private final Vertx vertx;
  private final AlertStore store;

  public RedisDeliveryOutbox(Vertx vertx, AlertStore store) {
    this.vertx = vertx;
    this.store = store;
  }

  @Override
  public Future<List<Delivery>> claimDue(long now, long leaseUntil, int max) {
    return vertx.executeBlocking(() -> store.claimDue(now, leaseUntil, max), false);
  }

  @Override
  public Future<Void> settle(Delivery delivery, DeliveryReceipt receipt, Long nextAttemptAt) {
    return vertx.executeBlocking(
        () -> {
          store.settle(delivery, receipt, nextAttemptAt);
          return null;
        },
        false);
  }

  @Override
  public Future<Boolean> report(String deliveryId, DeliveryStatus status, long at, String detail) {
    return vertx.executeBlocking(
        () ->
            store
                .delivery(deliveryId)
                .map(
                    d -> {
                      store.addReceipt(d.receipt(status, at, detail));
                      return true;
                    })
                .orElse(false),
        false);
  }
}
