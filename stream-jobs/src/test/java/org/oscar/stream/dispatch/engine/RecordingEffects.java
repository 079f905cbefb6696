package org.oscar.stream.dispatch.engine;

import java.util.ArrayList;
import java.util.List;
import org.oscar.contract.alert.AlertEvent;
import org.oscar.contract.codec.Json;
import org.oscar.contract.live.IncidentView;
import org.oscar.contract.wire.NoticeMessage;
import org.oscar.contract.wire.TaskMessage;

/** Keeps every effect, and a one-line-per-decision log of them for determinism checks. */
public final class RecordingEffects implements Effects {
  public record Task(String unitId, TaskMessage task) {}

  public record Notice(String deviceId, NoticeMessage notice) {}

  public final List<Task> tasks = new ArrayList<>();
  public final List<Notice> notices = new ArrayList<>();
  public final List<IncidentView> incidents = new ArrayList<>();
  public final List<AlertEvent> alerts = new ArrayList<>();
  public final List<String> log = new ArrayList<>();

  @Override
  public void task(String unitId, TaskMessage task) {
    tasks.add(new Task(unitId, task));
    log.add("task " + unitId + " " + Json.toString(task));
  }

  @Override
  public void notice(String deviceId, NoticeMessage notice) {
    notices.add(new Notice(deviceId, notice));
    log.add("notice " + deviceId + " " + Json.toString(notice));
  }

  @Override
  public void incident(IncidentView view, boolean active) {
    incidents.add(view);
    log.add("incident " + active + " " + Json.toString(view));
  }

  @Override
  public void alert(AlertEvent alert) {
    alerts.add(alert);
    log.add("alert " + Json.toString(alert));
  }

  public void clear() {
    tasks.clear();
    notices.clear();
    incidents.clear();
    alerts.clear();
    log.clear();
  }
}
