package org.oscar.alert.cases.model;

/** SENT → ACCEPTED or REJECTED (with a reason) → DONE, or REVOKED by the OSC before it is done. */
public enum ReferralState {
  SENT,
  ACCEPTED,
  REJECTED,
  DONE,
  REVOKED;

  public boolean isFinal() {
    return this == REJECTED || this == DONE || this == REVOKED;
  }

  /** While the agency works on it (or is asked to), it may read what the referral shares. */
  public boolean grantsAccess() {
    return this == SENT || this == ACCEPTED;
  }
}
