package org.oscar.alert.notify;

import java.util.List;
import org.oscar.contract.alert.NotificationRecord;
import org.oscar.contract.live.IncidentView;

/**
 * Who is told when an incident opens. Today: the Station House Officer of the police station whose
 * jurisdiction holds the place, or, outside every known jurisdiction, the region's control room.
 * Officials are named by post ({@code SHO:<station>}), not by person or contact.
 */
public final class NotificationPlanner {
  public static final String LEVEL_OPENED = "OPENED";

  /** Delivery to people is not built yet: records wait in the ledger with this channel. */
  public static final String CHANNEL_LEDGER = "LEDGER";

  private NotificationPlanner() {}

  public static List<NotificationRecord> onOpened(IncidentView incident, long now) {
    String jurisdiction = incident.jurisdiction();
    String role = jurisdiction != null ? "SHO" : "CONTROL_ROOM";
    String official =
        jurisdiction != null ? "SHO:" + jurisdiction : "CONTROL_ROOM:" + incident.region();
    return List.of(
        new NotificationRecord(
            incident.incidentId(),
            role,
            LEVEL_OPENED,
            official,
            jurisdiction,
            CHANNEL_LEDGER,
            "RECORDED",
            now));
  }
}
