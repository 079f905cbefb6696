package org.oscar.alert.cases.model;

/** How a case came to the OSC. */
public enum CaseOrigin {
  /** A panic device's press: opened by the stream job's incident, exactly one case per incident. */
  PANIC_PRESS,
  WALK_IN,
  CALL_181,
  /** Referred to the OSC by another agency. */
  REFERRAL;
}
