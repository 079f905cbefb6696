package org.oscar.stream.connector.delivery;

import java.io.Serializable;
import org.oscar.contract.live.DeliveryBacklog;

/**
 * Where a sink instance says, every second, what it has not delivered yet: the control room's alarm
 * and the API's {@code /metrics}. Reports are best effort; a failed one is tried again next second.
 */
public interface BacklogReporter extends AutoCloseable {
  void report(DeliveryBacklog backlog);

  @Override
  default void close() {}

  /** Travels with the job graph; opens a reporter in each parallel sink instance. */
  @FunctionalInterface
  interface Factory extends Serializable {
    BacklogReporter open();

    static Factory none() {
      return () -> backlog -> {};
    }
  }
}
