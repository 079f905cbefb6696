package org.oscar.alert.cases.notice;

import org.oscar.alert.cases.clock.ClockStep;
import org.oscar.alert.cases.model.ReferralState;
import org.oscar.alert.cases.workflow.ServiceEventType;

/**
 * What a notice tells of: a stable {@code key} (one notice per key and post, however often the
 * change is retried) and the words the post reads. The words never name her, where she is or what
 * was recorded beyond its kind: the details are behind the case page's login.
 */
public record NoticeCause(String key, String summary) {

  public static NoticeCause referral(String referralId, ReferralState to, String agencyName) {
    String summary =
        switch (to) {
          case SENT -> "a case is referred to " + agencyName + "; accept or reject it in OSCAR";
          case ACCEPTED -> "referral " + referralId + " was accepted by " + agencyName;
          case REJECTED -> "referral " + referralId + " was rejected by " + agencyName;
          case DONE -> "referral " + referralId + " was completed by " + agencyName;
          case REVOKED -> "referral " + referralId + " to " + agencyName + " was withdrawn";
        };
    return new NoticeCause(referralId + ":" + to.name(), summary);
  }

  public static NoticeCause event(String eventId, ServiceEventType type, String byName) {
    String what =
        switch (type) {
          case FIR_REGISTERED -> "an FIR was registered";
          case ZERO_FIR_TRANSFERRED -> "the zero FIR was transferred";
          case FIR_STATUS -> "the FIR's status changed";
          case MEDICAL_REPORT_SENT -> "the medical report was sent";
          case HEARING_SCHEDULED -> "a hearing date was set";
          case PROTECTION_ORDER -> "the protection order changed";
          default -> type.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    return new NoticeCause(eventId, what + " (recorded by " + byName + ")");
  }

  private static final java.time.format.DateTimeFormatter IST =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'IST'")
          .withZone(java.time.ZoneId.of("Asia/Kolkata"));

  /** A legal clock's step: a reminder before it is due, overdue at its time, escalated after. */
  public static NoticeCause clock(
      String key, ClockStep.Kind kind, String title, java.time.Instant dueAt) {
    String when = IST.format(dueAt);
    String summary =
        switch (kind) {
          case REMINDER -> "reminder: " + title + ", due " + when;
          case OVERDUE -> "OVERDUE: " + title + ", was due " + when;
          case ESCALATION -> "still OVERDUE, escalated to you: " + title + ", was due " + when;
        };
    return new NoticeCause(key, summary);
  }

  /** The text a post reads, with the case page's link. */
  public String text(String caseId, String post, String caseLinkPrefix) {
    return "OSCAR CASE "
        + caseId
        + ": "
        + summary
        + ". You are told as "
        + post
        + ". Open: "
        + caseLinkPrefix
        + caseId;
  }

  public String subject(String caseId) {
    return "OSCAR case " + caseId + ": " + summary;
  }
}
