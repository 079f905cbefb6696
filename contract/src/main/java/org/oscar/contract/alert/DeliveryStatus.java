package org.oscar.contract.alert;

/** Where one notification's delivery over one channel stands. */
public enum DeliveryStatus {
  /** Waiting to be sent (first attempt not made yet). */
  QUEUED,
  /** An attempt failed in a way worth retrying; the next attempt is scheduled. */
  RETRYING,
  /** The provider accepted it (SMS gateway 2xx, SMTP server accepted the mail). */
  SENT,
  /** The provider reported it delivered to the official's phone. */
  DELIVERED,
  /** Given up: refused by the provider, or still failing after the last attempt. */
  FAILED
}
