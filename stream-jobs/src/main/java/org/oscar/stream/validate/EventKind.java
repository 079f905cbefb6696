package org.oscar.stream.validate;

public enum EventKind {
  SOS,
  UNIT_POSITION,
  UNIT_STATUS
}
