package org.oscar.contract.alert;

/** Why officials are being told about an incident. */
public enum AlertKind {
  /** An incident was opened: the officials the policy names for every case. */
  OPENED,
  /** The case is serious (injured, duress, operator's mark): every official for serious cases. */
  SERIOUS,
  /** The response stalled: the next rung of the escalation ladder. */
  ESCALATED,
  /** The case rang in the control room and no operator took it in time: its shift supervisor. */
  UNTAKEN,
  /** The survivor cancelled: everyone already alerted is told. */
  CANCELLED
}
