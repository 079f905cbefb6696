package org.oscar.contract.wire;

/** A responder unit's duty status, as its terminal reports it on {@code status}. */
public enum UnitStatus {
  AVAILABLE,
  EN_ROUTE,
  ON_SCENE,
  TRANSPORTING,
  AT_FACILITY,
  OFF_DUTY
}
