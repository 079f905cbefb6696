package org.oscar.stream.connector.delivery;

import java.io.Serializable;

/**
 * Where a deliverer keeps an element the target called malformed, so that it is seen and can be
 * re-sent rather than lost with a log line. Must be idempotent per id (a replay puts it again).
 */
public interface DeadLetters extends AutoCloseable {
  void put(String id, int status, String answer, String body);

  @Override
  default void close() {}

  /** Travels with the job graph; opens the dead-letter list in each parallel sink instance. */
  @FunctionalInterface
  interface Factory extends Serializable {
    DeadLetters open();
  }
}
