package org.oscar.contract.flow;

/**
 * A token bucket: {@code burst} messages at once, refilled at {@code perSecond}. Time is passed in
 * (epoch ms) so callers decide which clock counts and tests stay deterministic. Not thread-safe:
 * one bucket belongs to one device or one connection, touched by one thread.
 */
public final class TokenBucket {
  private final double burst;
  private final double perSecond;
  private double tokens;
  private long at;

  public TokenBucket(double burst, double perSecond, long now) {
    if (burst < 1 || perSecond <= 0) {
      throw new IllegalArgumentException("burst must be >= 1 and perSecond > 0");
    }
    this.burst = burst;
    this.perSecond = perSecond;
    this.tokens = burst;
    this.at = now;
  }

  /** True if a message may pass now, spending a token; a clock going backwards refills nothing. */
  public boolean tryTake(long now) {
    double elapsedS = Math.max(0, now - at) / 1000.0;
    tokens = Math.min(burst, tokens + elapsedS * perSecond);
    at = Math.max(at, now);
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
