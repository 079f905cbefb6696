package org.oscar.gateway.ais140;

/** Hands a contract message to the broker; returns once the broker has it, or throws. */
@FunctionalInterface
public interface ContractPublisher {
  void publish(Republish message) throws Exception;
}
