package org.oscar.gateway.ais140;

import org.oscar.contract.mqtt.MqttPublisher;

/** Hands a contract message to the broker; returns once the broker has it, or throws. */
@FunctionalInterface
public interface ContractPublisher {
  void publish(Republish message) throws Exception;

  /** Over the broker with the adapter's own client. */
  static ContractPublisher over(MqttPublisher mqtt) {
    return m -> mqtt.publish(m.topic(), m.payload(), m.qos(), m.retained());
  }
}
