package org.oscar.stream.dispatch.engine;

import org.oscar.contract.alert.AlertEvent;
import org.oscar.contract.live.IncidentView;
import org.oscar.contract.wire.NoticeMessage;
import org.oscar.contract.wire.TaskMessage;

/** What the dispatch engine decides to say to the world. Called in decision order. */
public interface Effects {
  void task(String unitId, TaskMessage task);

  void notice(String deviceId, NoticeMessage notice);

  /** The incident changed; {@code active} is false once it is closed or cancelled. */
  void incident(IncidentView view, boolean active);

  void alert(AlertEvent alert);
}
