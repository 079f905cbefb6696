package org.oscar.alert.cases.workflow;

import org.oscar.alert.cases.CaseProblem;
import org.oscar.alert.cases.model.ReferralState;

/**
 * A referral's steps: the agency accepts or rejects (with a reason) what was SENT, and marks DONE
 * what it accepted; the OSC may revoke it until it is final.
 */
public final class ReferralWorkflow {
  private ReferralWorkflow() {}

  /** Who takes a step: the agency referred to, or the OSC that referred. */
  public enum Side {
    AGENCY,
    OSC
  }

  public static void checkStep(ReferralState from, ReferralState to, Side side, String reason) {
    boolean allowed =
        switch (to) {
          case ACCEPTED, REJECTED -> side == Side.AGENCY && from == ReferralState.SENT;
          case DONE -> side == Side.AGENCY && from == ReferralState.ACCEPTED;
          case REVOKED -> side == Side.OSC && !from.isFinal();
          case SENT -> false;
        };
    if (!allowed) {
      throw CaseProblem.invalid(
          "state",
          "a referral that is "
              + from
              + " cannot be made "
              + to
              + (side == Side.AGENCY ? " by the agency" : " by the OSC"));
    }
    if (to == ReferralState.REJECTED && (reason == null || reason.isBlank())) {
      throw CaseProblem.invalid("reason", "a rejection needs a reason");
    }
  }
}
