package org.oscar.contract.wire;

/** What a control-room operator tells the pipeline to do. */
public enum OperatorAction {
  /** Open an incident for a call to the women's helpline (181) or a walk-in, at a place. */
  OPEN,
  /** Put this unit on this incident (replacing the one in its role that has not arrived). */
  ASSIGN,
  /** Close the incident: every unit still on it is withdrawn. */
  CLOSE,
  /** Treat the incident as serious: every official for serious cases is alerted. */
  MARK_SERIOUS,
  /**
   * Where she is, as the control room learnt it (she was called back): an incident whose location
   * was unknown gets its place and its units.
   */
  LOCATE,
  /**
   * The operator takes the control room's call on the incident: its alarm stops ringing, her name
   * goes on the timeline.
   */
  TAKE
}
