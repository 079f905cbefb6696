package org.oscar.contract.wire;

/** What the survivor's device is told about her incident. */
public enum NoticeState {
  RECEIVED,
  HELP_COMING,
  UNIT_ARRIVED,
  CANCELLED,
  CLOSED
}
