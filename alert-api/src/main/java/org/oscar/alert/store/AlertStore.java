package org.oscar.alert.store;

import java.util.List;
import java.util.Optional;
import org.oscar.contract.alert.NotificationRecord;

/** What the API keeps and reads. Blocking: call it off the event loop. */
public interface AlertStore extends AutoCloseable {
  /** The incident's live-state JSON as the stream job wrote it. */
  Optional<String> incidentJson(String incidentId);

  /**
   * Records a notification unless one with the same (incident, role, level) exists.
   *
   * @return true if recorded now, false if it was already there (a resend)
   */
  boolean recordOnce(NotificationRecord record);

  List<NotificationRecord> notifications(String incidentId);

  @Override
  void close();
}
