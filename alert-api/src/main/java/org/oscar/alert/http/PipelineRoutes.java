package org.oscar.alert.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.oscar.alert.http.auth.ApiAuth;
import org.oscar.alert.http.auth.Principal;
import org.oscar.alert.pipeline.AlertBacklog;
import org.oscar.alert.store.AlertStore;
import org.oscar.alert.store.AuditEntry;
import org.oscar.contract.codec.Json;
import org.oscar.contract.live.DeadLetter;
import org.oscar.contract.live.DeliveryBacklog;
import org.oscar.contract.live.LiveKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job's hand-off of alerts to this API, as the control room must see it: how many alerts to
 * officials wait in the job and since when they fail (the alarm), and the alerts this API called
 * malformed (the dead letters), each of which an operator can re-send once the API takes it. Dead
 * letters are scoped to the caller's regions; one whose region cannot be read is shown to every
 * control room, since it cannot be shown to the right one.
 */
final class PipelineRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineRoutes.class);

  private final Vertx vertx;
  private final AlertStore store;
  private final AlertIntake intake;
  private final AtomicLong waitingGauge = new AtomicLong();
  private final AtomicLong failingGauge = new AtomicLong();
  private final AtomicLong reportingGauge = new AtomicLong();
  private final AtomicLong deadLetterGauge = new AtomicLong();

  PipelineRoutes(Vertx vertx, AlertStore store, AlertIntake intake, MeterRegistry meters) {
    this.vertx = vertx;
    this.store = store;
    this.intake = intake;
    meters.gauge("oscar.pipeline.alerts.waiting", waitingGauge);
    meters.gauge("oscar.pipeline.alerts.failing", failingGauge);
    meters.gauge("oscar.pipeline.alerts.reporting.instances", reportingGauge);
    meters.gauge("oscar.pipeline.alerts.dead.letters", deadLetterGauge);
  }

  void mount(Router router) {
    router.get("/api/v1/pipeline").handler(ApiAuth.controlRoomOnly()).handler(this::health);
    router
        .post("/api/v1/pipeline/dead-letters/:id/resend")
        .handler(ApiAuth.controlRoomOnly())
        .handler(this::resend);
  }

  /** Blocking: called at scrape time, off the event loop. */
  void refreshGauges() {
    AlertBacklog backlog = backlog();
    waitingGauge.set(backlog.waiting());
    failingGauge.set(backlog.alarm() ? 1 : 0);
    reportingGauge.set(backlog.reporting());
    deadLetterGauge.set(store.deadLetterCount(LiveKeys.ALERT_SINK));
  }

  private AlertBacklog backlog() {
    List<DeliveryBacklog> reports = new ArrayList<>();
    for (String json : store.deliveryBacklogJsons(LiveKeys.ALERT_SINK)) {
      reports.add(Json.fromString(json, DeliveryBacklog.class));
    }
    return AlertBacklog.of(reports);
  }

  private void health(RoutingContext ctx) {
    Principal who = ApiAuth.principal(ctx);
    vertx
        .executeBlocking(
            () -> {
              AlertBacklog b = backlog();
              JsonArray letters = new JsonArray();
              deadLettersFor(who).stream()
                  .sorted(Comparator.comparingLong((Letter l) -> l.letter().at()).reversed())
                  .forEach(
                      l ->
                          letters.add(
                              new JsonObject()
                                  .put("id", l.letter().id())
                                  .put("incidentId", l.incidentId())
                                  .put("status", l.letter().status())
                                  .put("answer", l.letter().answer())
                                  .put("at", l.letter().at())));
              return new JsonObject()
                  .put(
                      "alerts",
                      new JsonObject()
                          .put("reporting", b.reporting())
                          .put("waiting", b.waiting())
                          .put("failingSince", b.failingSince())
                          .put("lastError", b.lastError())
                          .put("reportedAt", b.reportedAt())
                          .put("alarm", b.alarm()))
                  .put("deadLetters", letters);
            },
            false)
        .onSuccess(body -> ApiResponses.json(ctx, 200, body))
        .onFailure(e -> ApiResponses.unavailable(ctx, e));
  }

  /** A dead letter with its body read once: for its region, its incident and a re-send. */
  private record Letter(DeadLetter letter, AlertIntake.Parsed parsed) {
    String region() {
      return parsed.ok() ? parsed.event().incident().region() : null;
    }

    String incidentId() {
      return parsed.ok() ? parsed.event().incident().incidentId() : null;
    }
  }

  private List<Letter> deadLettersFor(Principal who) {
    List<Letter> mine = new ArrayList<>();
    for (Map.Entry<String, String> e : store.deadLetterJsons(LiveKeys.ALERT_SINK).entrySet()) {
      DeadLetter d = Json.fromString(e.getValue(), DeadLetter.class);
      Letter l = new Letter(d, AlertIntake.parse(d.body()));
      if (who.service() || l.region() == null || who.regions().contains(l.region())) {
        mine.add(l);
      }
    }
    return mine;
  }

  private void resend(RoutingContext ctx) {
    Principal who = ApiAuth.principal(ctx);
    String id = ctx.pathParam("id");
    vertx
        .executeBlocking(
            () ->
                deadLettersFor(who).stream()
                    .filter(l -> l.letter().id().equals(id))
                    .findFirst()
                    .orElse(null),
            false)
        .onSuccess(
            letter -> {
              if (letter == null) {
                ApiResponses.json(ctx, 404, new JsonObject().put("error", "no such dead letter"));
                return;
              }
              AlertIntake.Parsed parsed = letter.parsed();
              if (!parsed.ok()) {
                // Still malformed for this API: it stays, and the operator is told why.
                ApiResponses.json(ctx, 422, new JsonObject().put("error", parsed.problem()));
                return;
              }
              intake
                  .record(parsed.event())
                  .compose(
                      outcome ->
                          vertx.executeBlocking(
                              () -> {
                                store.removeDeadLetter(LiveKeys.ALERT_SINK, id);
                                store.audit(
                                    new AuditEntry(
                                        System.currentTimeMillis(),
                                        who.name(),
                                        "RESEND ALERT",
                                        parsed.event().incident().incidentId(),
                                        id));
                                return outcome;
                              },
                              false))
                  .onSuccess(
                      outcome -> {
                        LOG.info("dead letter {} re-sent by {}", id, who.name());
                        ApiResponses.json(
                            ctx,
                            202,
                            new JsonObject().put("eventId", id).put("notifications", outcome));
                      })
                  .onFailure(e -> ApiResponses.unavailable(ctx, e));
            })
        .onFailure(e -> ApiResponses.unavailable(ctx, e));
  }
}
