package org.oscar.alert.notify.delivery;

import org.oscar.alert.notify.channel.ChannelOutcome;
import org.oscar.contract.alert.DeliveryStatus;

/**
 * When to try a delivery again: exponential backoff from {@code baseDelayMs}, doubling up to {@code
 * maxDelayMs}, at most {@code maxAttempts} attempts. Pure.
 */
public record RetryPolicy(int maxAttempts, long baseDelayMs, long maxDelayMs) {
  public RetryPolicy {
    if (maxAttempts < 1 || baseDelayMs < 1 || maxDelayMs < baseDelayMs) {
      throw new IllegalArgumentException("maxAttempts >= 1, 1 <= baseDelayMs <= maxDelayMs");
    }
  }

  /** Ten attempts over about four minutes: 1, 2, 4, … 32, 60, 60, 60 s apart. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(10, 1_000, 60_000);
  }

  /** The status after attempt number {@code attempt} (1-based) came to {@code outcome}. */
  public DeliveryStatus statusAfter(int attempt, ChannelOutcome outcome) {
    return switch (outcome.kind()) {
      case SENT -> DeliveryStatus.SENT;
      case REFUSED -> DeliveryStatus.FAILED;
      case RETRY -> attempt >= maxAttempts ? DeliveryStatus.FAILED : DeliveryStatus.RETRYING;
    };
  }

  /** Delay before attempt {@code attempt + 1}, after attempt {@code attempt} failed. */
  public long delayAfter(int attempt) {
    int doublings = Math.min(Math.max(attempt - 1, 0), 30);
    return Math.min(maxDelayMs, baseDelayMs << doublings);
  }
}
