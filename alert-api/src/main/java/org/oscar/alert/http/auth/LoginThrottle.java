package org.oscar.alert.http.auth;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows down password guessing: after {@code maxFailures} failed logins within {@code windowMs} for
 * one user name, or {@code maxFailures} × {@value #ADDRESS_FACTOR} from one address (a control
 * room's operators may share one address and must not lock each other out over a few typos),
 * further attempts are refused (429) until the oldest failure leaves the window. A success clears
 * the user's failures. In memory, per API instance; at most {@value #MAX_TRACKED} names and
 * addresses are remembered, the least recent forgotten first.
 */
public final class LoginThrottle {
  static final int MAX_TRACKED = 10_000;
  static final int ADDRESS_FACTOR = 6;
  private final int maxFailures;
  private final long windowMs;
  private final Map<String, Deque<Long>> failures =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
          return size() > MAX_TRACKED;
        }
      };

  public LoginThrottle(int maxFailures, long windowMs) {
    this.maxFailures = maxFailures;
    this.windowMs = windowMs;
  }

  public static LoginThrottle defaults() {
    return new LoginThrottle(5, 5 * 60_000);
  }

  /** True if a login for this user from this address may be tried now. */
  public synchronized boolean allows(String username, String address, long now) {
    return recent("user:" + username, now) < maxFailures
        && recent("addr:" + address, now) < maxFailures * ADDRESS_FACTOR;
  }

  /**
   * Takes an attempt if one is allowed, counting it as failed until {@link #succeeded} says
   * otherwise: guesses sent all at once cannot slip past the limit while their passwords are still
   * being checked.
   */
  public synchronized boolean tryBegin(String username, String address, long now) {
    if (!allows(username, address, now)) {
      return false;
    }
    failed(username, address, now);
    return true;
  }

  public synchronized void failed(String username, String address, long now) {
    failures.computeIfAbsent("user:" + username, k -> new ArrayDeque<>()).addLast(now);
    failures.computeIfAbsent("addr:" + address, k -> new ArrayDeque<>()).addLast(now);
  }

  /** A success: the user's failures are forgotten, and this attempt is not one the address made. */
  public synchronized void succeeded(String username, String address) {
    failures.remove("user:" + username);
    Deque<Long> fromAddress = failures.get("addr:" + address);
    if (fromAddress != null && !fromAddress.isEmpty()) {
      fromAddress.removeLast();
    }
  }

  private int recent(String key, long now) {
    Deque<Long> times = failures.get(key);
    if (times == null) {
      return 0;
    }
    while (!times.isEmpty() && now - times.peekFirst() >= windowMs) {
      times.removeFirst();
    }
    return times.size();
  }
}
