package org.oscar.alert.notify;

import java.util.ArrayList;
import java.util.List;
import org.oscar.contract.alert.AlertEvent;
import org.oscar.contract.alert.NotificationRecord;
import org.oscar.contract.alert.OfficialPost;
import org.oscar.contract.live.IncidentView;

/**
 * Who exactly is told, for an alert naming roles. Officials are named by post, never by person or
 * contact: {@code SHO:<police station>}, {@code SP:<district>}, {@code DM:<district>}, {@code
 * CMO:<district>}, {@code OSC_ADMIN:<one stop centre>}, {@code CONTROL_ROOM:<region>}. A place
 * outside every known jurisdiction has no SHO: the region's control room is told instead.
 */
public final class NotificationPlanner {
  /**
   * The notification itself is a ledger record (who, which level); its deliveries over SMS and
   * e-mail, and their receipts, are kept beside it (see {@code DeliveryPlanner}).
   */
  public static final String CHANNEL_LEDGER = "LEDGER";

  private NotificationPlanner() {}

  public static List<NotificationRecord> plan(AlertEvent event, long now) {
    IncidentView inc = event.incident();
    List<NotificationRecord> records = new ArrayList<>();
    for (String role : event.roles()) {
      String effectiveRole = role;
      String official = official(role, inc);
      if (official == null) {
        effectiveRole = OfficialPost.CONTROL_ROOM;
        official = OfficialPost.post(OfficialPost.CONTROL_ROOM, inc.region(), null, null, null);
      }
      String postRole = effectiveRole;
      if (records.stream().anyMatch(r -> r.role().equals(postRole))) {
        continue;
      }
      records.add(
          new NotificationRecord(
              inc.incidentId(),
              effectiveRole,
              event.level(),
              official,
              inc.jurisdiction(),
              CHANNEL_LEDGER,
              "RECORDED",
              now));
    }
    return records;
  }

  /** The post that fills a role for this incident, or null if the incident names none. */
  public static String official(String role, IncidentView inc) {
    return OfficialPost.post(
        role,
        inc.region(),
        inc.district(),
        inc.jurisdiction(),
        inc.osc() == null ? null : inc.osc().id());
  }
}
