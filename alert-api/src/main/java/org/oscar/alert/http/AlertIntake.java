package org.oscar.alert.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.oscar.alert.notify.NotificationPlanner;
import org.oscar.alert.notify.Notifier;
import org.oscar.alert.notify.delivery.DeliveryPlanner;
import org.oscar.alert.store.AlertStore;
import org.oscar.contract.alert.AlertEvent;
import org.oscar.contract.alert.NotificationRecord;
import org.oscar.contract.codec.Json;
import org.oscar.contract.live.IncidentView;

/**
 * Takes an alert event from the job (or one re-sent from the dead letters): one notification per
 * (incident, role, level), recorded once with its planned deliveries, so a resend alerts nobody
 * twice. The store runs off the event loop.
 */
final class AlertIntake {
  /** An alert event read from a body, or why it is not one. */
  record Parsed(AlertEvent event, String problem) {
    boolean ok() {
      return problem == null;
    }
  }

  private final Vertx vertx;
  private final AlertStore store;
  private final Notifier notifier;
  private final MeterRegistry meters;

  AlertIntake(Vertx vertx, AlertStore store, Notifier notifier, MeterRegistry meters) {
    this.vertx = vertx;
    this.store = store;
    this.notifier = notifier;
    this.meters = meters;
  }

  static Parsed parse(String body) {
    AlertEvent event;
    try {
      event = Json.fromString(body, AlertEvent.class);
    } catch (RuntimeException e) {
      return new Parsed(null, "body is not an alert event");
    }
    if (event == null
        || event.incident() == null
        || !IncidentView.isValidId(event.incident().incidentId())) {
      return new Parsed(null, "incident.incidentId missing or malformed");
    }
    if (event.level() == null
        || !IncidentView.isValidId(event.level())
        || event.roles().isEmpty()) {
      return new Parsed(null, "level and roles are required");
    }
    return new Parsed(event, null);
  }

  /** Records the event's notifications; completes with what each role got. */
  Future<JsonArray> record(AlertEvent event) {
    List<NotificationRecord> planned = NotificationPlanner.plan(event, System.currentTimeMillis());
    return vertx.executeBlocking(
        () -> {
          JsonArray outcome = new JsonArray();
          for (NotificationRecord r : planned) {
            DeliveryPlanner.Plan plan = notifier.planner().plan(event, r);
            boolean fresh = store.recordOnce(r, plan.deliveries(), plan.receipts());
            if (fresh) {
              meters.counter("oscar.alert.notifications", "role", r.role()).increment();
            }
            outcome.add(
                new JsonObject()
                    .put("role", r.role())
                    .put("officialId", r.officialId())
                    .put("recorded", fresh));
          }
          return outcome;
        });
  }
}
