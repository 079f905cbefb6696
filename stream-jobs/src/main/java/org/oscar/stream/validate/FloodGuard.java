package org.oscar.stream.validate;

import java.util.LinkedHashMap;
import java.util.Map;
import org.oscar.contract.flow.TokenBucket;
import org.oscar.contract.wire.Topics;

/**
 * Per-device token buckets, one per kind of message, so that one device flooding cannot crowd out
 * anyone else's press: past its budget a device's messages are refused (RATE_LIMITED) before their
 * payload is even parsed. Budgets are generous for what the contract asks of a device (a position
 * every few seconds) and tight where a message is costly or sensitive (a cancel costs a PBKDF2
 * check and is a PIN guess). Time is the receive time of the message, so the guard is
 * deterministic.
 *
 * <p>Held in memory per validation instance, not in Flink state: after a restart every device
 * starts with a full bucket, which errs on the side of letting messages through.
 */
public final class FloodGuard {
  /** burst = bucket size; perSecond = refill rate. */
  record Budget(double burst, double perSecond) {}

  static final Budget POSITIONS = new Budget(10, 2);
  static final Budget STATUS = new Budget(10, 1);
  static final Budget PRESSES = new Budget(5, 0.1);
  static final Budget CANCELS = new Budget(3, 1.0 / 30);

  private static final int MAX_TRACKED = 200_000;

  // Access-ordered, so the least recently heard device is forgotten first when full.
  private final Map<String, TokenBucket> buckets =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TokenBucket> eldest) {
          return size() > MAX_TRACKED;
        }
      };

  /** True if the device may send this kind of message now (and spends a token). */
  public boolean allow(String deviceId, String leaf, long now) {
    Budget budget = budgetOf(leaf);
    return buckets
        .computeIfAbsent(
            deviceId + '/' + leaf, k -> new TokenBucket(budget.burst(), budget.perSecond(), now))
        .tryTake(now);
  }

  static Budget budgetOf(String leaf) {
    return switch (leaf) {
      case Topics.POS -> POSITIONS;
      case Topics.SOS -> PRESSES;
      case Topics.CANCEL -> CANCELS;
      default -> STATUS;
    };
  }
}
