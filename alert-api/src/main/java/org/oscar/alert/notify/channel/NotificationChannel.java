package org.oscar.alert.notify.channel;

import io.vertx.core.Future;
import org.oscar.alert.notify.delivery.Delivery;
import org.oscar.contract.region.Contact;

/**
 * A way to reach officials. Non-blocking: {@link #send} returns at once and completes with the
 * outcome; it never fails the future (failures are outcomes).
 */
public interface NotificationChannel {
  /** SMS, EMAIL: the name deliveries and receipts carry. */
  String name();

  /** Whether this contact can be reached over this channel. */
  boolean reaches(Contact contact);

  Future<ChannelOutcome> send(Delivery delivery, Contact contact);
}
