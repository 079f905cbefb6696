package org.oscar.stream.dispatch.engine;

import java.util.ArrayList;
import java.util.List;
import org.oscar.contract.alert.AlertEvent;
import org.oscar.contract.codec.Json;
import org.oscar.contract.live.IncidentView;
import org.oscar.contract.wire.NoticeMessage;
import org.oscar.contract.wire.TaskMessage;

/**
 * Every decision as one line of text, per channel and in order: what an audit compares when it
 * replays recorded input. {@code downlink} holds tasks and notices (one MQTT stream), {@code
 * incidents} the live-state updates, {@code alerts} what went to the alert API.
 */
public final class DecisionLog implements Effects {
  public final List<String> downlink = new ArrayList<>();
  public final List<String> incidents = new ArrayList<>();
  public final List<String> alerts = new ArrayList<>();

  @Override
  public void task(String unitId, TaskMessage task) {
    downlink.add(taskLine(unitId, task));
  }

  @Override
  public void notice(String deviceId, NoticeMessage notice) {
    downlink.add(noticeLine(deviceId, notice));
  }

  @Override
  public void incident(IncidentView view, boolean active) {
    incidents.add(incidentLine(view, active));
  }

  @Override
  public void alert(AlertEvent alert) {
    alerts.add(Json.toString(alert));
  }

  public static String taskLine(String unitId, TaskMessage task) {
    return "task " + unitId + " " + Json.toString(task);
  }

  public static String noticeLine(String deviceId, NoticeMessage notice) {
    return "notice " + deviceId + " " + Json.toString(notice);
  }

  public static String incidentLine(IncidentView view, boolean active) {
    return incidentLine(Json.toString(view), active);
  }

  public static String incidentLine(String viewJson, boolean active) {
    return (active ? "active " : "ended ") + viewJson;
  }
}
