package org.oscar.alert.cases.notice;

import static org.oscar.alert.cases.workflow.ServiceEventType.FIR_REGISTERED;
import static org.oscar.alert.cases.workflow.ServiceEventType.FIR_STATUS;
import static org.oscar.alert.cases.workflow.ServiceEventType.HEARING_SCHEDULED;
import static org.oscar.alert.cases.workflow.ServiceEventType.MEDICAL_REPORT_SENT;
import static org.oscar.alert.cases.workflow.ServiceEventType.PROTECTION_ORDER;
import static org.oscar.alert.cases.workflow.ServiceEventType.ZERO_FIR_TRANSFERRED;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oscar.alert.cases.access.CaseAccess;
import org.oscar.alert.cases.access.ReferralGrant;
import org.oscar.alert.cases.model.Agency;
import org.oscar.alert.cases.model.ReferralState;
import org.oscar.alert.cases.workflow.ServiceEventType;

/**
 * Who on a case is told of a change at once, because it concerns them, and nobody else. Each
 * recipient is a post (a key of the officials file), told once per change.
 *
 * <ul>
 *   <li>A referral sent or revoked: the agency it is to. Accepted, rejected or done: the OSC.
 *   <li>An FIR registered, transferred or changing status, a medical report sent, a hearing date or
 *       a protection order: the OSC, unless its own staff recorded it, and every agency on the case
 *       entitled to see that part (its own part, or shared with her consent standing), except the
 *       one that recorded it.
 * </ul>
 */
public final class NoticeRecipients {
  /** The service events that others on the case are told of. */
  public static final Set<ServiceEventType> TOLD =
      EnumSet.of(
          FIR_REGISTERED,
          ZERO_FIR_TRANSFERRED,
          FIR_STATUS,
          MEDICAL_REPORT_SENT,
          HEARING_SCHEDULED,
          PROTECTION_ORDER);

  private NoticeRecipients() {}

  /** One post to tell, and the agency it speaks for. */
  public record Recipient(String post, String agencyId) {
    static Recipient of(Agency a) {
      return new Recipient(a.post(), a.id());
    }
  }

  public static List<Recipient> ofReferralStep(
      ReferralState to, Agency referredTo, List<Agency> oscs) {
    return switch (to) {
      case SENT, REVOKED -> List.of(Recipient.of(referredTo));
      case ACCEPTED, REJECTED, DONE -> distinct(oscs.stream().map(Recipient::of).toList());
    };
  }

  /**
   * @param agencies the case's district's agencies by id (those its referrals name)
   * @param actorAgency the agency of whoever recorded it (null for none)
   */
  public static List<Recipient> ofEvent(
      ServiceEventType type,
      List<Agency> oscs,
      Map<String, Agency> agencies,
      List<ReferralGrant> grants,
      String actorAgency,
      boolean byOscStaff) {
    if (!TOLD.contains(type)) {
      return List.of();
    }
    List<Recipient> out = new ArrayList<>();
    if (!byOscStaff) {
      oscs.forEach(o -> out.add(Recipient.of(o)));
    }
    for (ReferralGrant g : grants) {
      Agency a = agencies.get(g.agencyId());
      if (a == null || a.id().equals(actorAgency)) {
        continue;
      }
      if (CaseAccess.partsGranted(a, grants).contains(type.part())) {
        out.add(Recipient.of(a));
      }
    }
    return distinct(out);
  }

  private static List<Recipient> distinct(List<Recipient> all) {
    Map<String, Recipient> byPost = new LinkedHashMap<>();
    all.forEach(r -> byPost.putIfAbsent(r.post(), r));
    return List.copyOf(byPost.values());
  }
}
