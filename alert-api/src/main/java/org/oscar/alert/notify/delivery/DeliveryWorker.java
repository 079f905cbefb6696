package org.oscar.alert.notify.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.oscar.alert.notify.channel.ChannelOutcome;
import org.oscar.alert.notify.channel.NotificationChannel;
import org.oscar.alert.notify.contact.OfficialsDirectory;
import org.oscar.contract.alert.DeliveryReceipt;
import org.oscar.contract.alert.DeliveryStatus;
import org.oscar.contract.region.Contact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what an outbox holds. Every {@code pollMs} it claims the due deliveries (a lease), sends
 * each over its channel, and settles it: SENT, RETRYING with the next attempt scheduled by the
 * {@link RetryPolicy}, or FAILED. The event loop only starts work: the outboxes never block it,
 * channels are non-blocking. One worker runs per outbox (alerts, case notices).
 *
 * <p>Guarantee: at-least-once per delivery, with a stable idempotency key. A process that dies
 * after the provider took a message but before settling it leaves the delivery leased; when the
 * lease runs out it is sent again under the same key, which the SMS gateway uses to drop the repeat
 * (e-mail has no such key: a repeat there is possible, and documented). The lease is longer than a
 * channel's timeout, so a live process never races a second sender.
 */
public final class DeliveryWorker {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
  private static final int BATCH = 32;

  /** Longest a single send may take; the lease (over 10 s, checked at start-up) is longer. */
  static final long SEND_LIMIT_MS = 10_000;

  private final Vertx vertx;
  private final DeliveryOutbox outbox;
  private final String metric;
  private final OfficialsDirectory officials;
  private final Map<String, NotificationChannel> channels;
  private final RetryPolicy retry;
  private final long leaseMs;
  private final MeterRegistry meters;
  private final AtomicBoolean busy = new AtomicBoolean();
  private long timer = -1;

  public DeliveryWorker(
      Vertx vertx,
      DeliveryOutbox outbox,
      String metric,
      OfficialsDirectory officials,
      List<NotificationChannel> channels,
      RetryPolicy retry,
      long leaseMs,
      MeterRegistry meters) {
    this.vertx = vertx;
    this.outbox = outbox;
    this.metric = metric;
    this.officials = officials;
    this.channels =
        channels.stream().collect(Collectors.toMap(NotificationChannel::name, Function.identity()));
    this.retry = retry;
    this.leaseMs = leaseMs;
    this.meters = meters;
  }

  public void start(long pollMs) {
    timer = vertx.setPeriodic(pollMs, id -> poll());
  }

  public void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  private void poll() {
    if (!busy.compareAndSet(false, true)) {
      return; // the last round is still sending
    }
    long now = System.currentTimeMillis();
    outbox
        .claimDue(now, now + leaseMs, BATCH)
        .compose(due -> Future.join(due.stream().map(this::attempt).toList()).mapEmpty())
        .onFailure(e -> LOG.warn("delivery round failed: {}", e.getMessage()))
        .onComplete(r -> busy.set(false));
  }

  private Future<Void> attempt(Delivery claimed) {
    Delivery d = claimed.attempted();
    Future<ChannelOutcome> sent;
    try {
      NotificationChannel channel = channels.get(d.channel());
      Optional<Contact> contact = officials.contactOf(d.officialId());
      sent =
          channel == null || contact.isEmpty()
              ? Future.succeededFuture(
                  ChannelOutcome.refused("channel or contact no longer configured"))
              : channel
                  .send(d, contact.get())
                  // Well inside the lease, whatever the channel does: no second sender races it.
                  .timeout(SEND_LIMIT_MS, TimeUnit.MILLISECONDS)
                  .otherwise(e -> ChannelOutcome.retry("no answer in " + SEND_LIMIT_MS + " ms"));
    } catch (RuntimeException e) {
      sent =
          Future.succeededFuture(
              ChannelOutcome.refused("send failed: " + e.getClass().getSimpleName()));
    }
    return sent.compose(outcome -> settle(d, outcome));
  }

  private Future<Void> settle(Delivery d, ChannelOutcome outcome) {
    long now = System.currentTimeMillis();
    DeliveryStatus status = retry.statusAfter(d.attempt(), outcome);
    Long next = status == DeliveryStatus.RETRYING ? now + retry.delayAfter(d.attempt()) : null;
    DeliveryReceipt receipt = d.receipt(status, now, outcome.detail());
    meters.counter(metric, "channel", d.channel(), "status", status.name()).increment();
    if (status == DeliveryStatus.FAILED) {
      LOG.warn(
          "delivery {} to {} FAILED after {} attempt(s): {}",
          d.deliveryId(),
          d.officialId(),
          d.attempt(),
          outcome.detail());
    }
    return outbox.settle(d, receipt, next);
  }
}
