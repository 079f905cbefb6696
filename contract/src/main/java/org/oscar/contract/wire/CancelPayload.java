package org.oscar.contract.wire;

/**
 * {@code oscar/v1/dev/{id}/cancel}: the survivor enters a PIN. The PIN is checked at validation and
 * never travels further into the pipeline, nor into any log.
 */
public record CancelPayload(Long seq, Long ts, String pin) {
  @Override
  public String toString() {
    return "CancelPayload[seq=" + seq + ", ts=" + ts + ", pin=***]";
  }
}
