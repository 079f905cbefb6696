package org.oscar.alert.cases.model;

/**
 * Where a case is: the rescue, then the OSC's services in whatever order she needs them, to closure
 * with a reason. {@link #RESCUE} is entered only from a press; a reopened case is {@link
 * #REGISTERED} again.
 */
public enum CaseState {
  RESCUE,
  REGISTERED,
  MEDICAL_CARE,
  SHELTER,
  LEGAL_ACTION,
  COUNSELLING,
  CLOSED;
}
