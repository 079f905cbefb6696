package org.oscar.stream.event;

public enum EventKind {
  /** A survivor pressed her panic button. */
  SOS,
  /** A survivor's device reported where it is. */
  DEVICE_POSITION,
  /** A survivor entered a PIN to cancel; the outcome of the PIN check is on the event. */
  CANCEL,
  UNIT_POSITION,
  UNIT_STATUS,
  /** A unit accepted or declined an assignment. */
  UNIT_ACK,
  /** A device came online or dropped off (its last will). */
  PRESENCE,
  /** A control-room operator's override (open, assign, close, mark serious). */
  OPERATOR
}
