package org.oscar.stream.validate;

import java.io.Serializable;
import java.time.Duration;

/**
 * How far a device clock may be off. A message stamped further ahead than {@code maxFutureSkew} is
 * refused (CLOCK_SKEW). A unit position older than {@code maxPositionAge} is refused (STALE): it no
 * longer says where the unit is. A press is never refused for its age: a late press is still a
 * woman who asked for help, and it is timed by when it arrived.
 */
public record ValidationPolicy(Duration maxFutureSkew, Duration maxPositionAge)
    implements Serializable {
  public static ValidationPolicy defaults() {
    return new ValidationPolicy(Duration.ofMinutes(5), Duration.ofMinutes(10));
  }
}
