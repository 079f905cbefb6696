package org.oscar.contract.live;

/**
 * What one parallel instance of one of the job's sinks has not delivered yet, reported to Redis
 * every second ({@link LiveKeys#deliveryBacklog(String)}, one field per instance, expiring when
 * reports stop): the control room's alarm when alerts to officials are waiting. {@code
 * failingSince} is when deliveries started failing (0: the last one succeeded); {@code lastError}
 * is the last failure's cause, never an element's content.
 */
public record DeliveryBacklog(
    String sink, int instance, int waiting, long failingSince, String lastError, long at) {

  public boolean failing() {
    return failingSince > 0;
  }
}
