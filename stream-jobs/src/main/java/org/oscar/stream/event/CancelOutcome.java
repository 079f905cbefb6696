package org.oscar.stream.event;

/** The result of checking a cancel PIN; the PIN itself goes no further than validation. */
public enum CancelOutcome {
  /** Her cancel PIN: a false alarm. */
  VALID,
  /** Her duress PIN: look cancelled, keep the rescue going, escalate. */
  DURESS,
  /** Neither: nothing is cancelled. */
  WRONG
}
