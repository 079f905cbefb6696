package org.oscar.stream.connector.delivery;

/**
 * Hands one element to the outside world (Redis, an HTTP API). Must be idempotent: the sink may
 * deliver an element again after a retry or a restore. Throws when the element should be tried
 * again later; returns normally once it is delivered, or once it can never be (after counting and
 * logging that).
 */
public interface Deliverer<T> extends AutoCloseable {
  void deliver(T element) throws Exception;

  @Override
  default void close() {}
}
