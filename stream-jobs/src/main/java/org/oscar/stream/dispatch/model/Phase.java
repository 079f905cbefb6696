package org.oscar.stream.dispatch.model;

/** Where an incident is on its path. CLOSED and CANCELLED are terminal. */
public enum Phase {
  /** Units are being found or are on their way. */
  OPEN,
  /** A unit is with her. */
  ON_SCENE,
  /** A unit is taking her to the hospital (medico-legal case) or the OSC (shelter). */
  TRANSPORTING,
  /** She has been handed over at the facility. */
  HANDED_OVER,
  CLOSED,
  CANCELLED;

  public boolean isTerminal() {
    return this == CLOSED || this == CANCELLED;
  }

  /** A unit has reached her: releasing every unit then closes the case. */
  public boolean isPastArrival() {
    return this == ON_SCENE || this == TRANSPORTING || this == HANDED_OVER;
  }
}
