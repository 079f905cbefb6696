package org.oscar.alert.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import org.oscar.alert.config.ApiConfig;
import org.oscar.alert.notify.NotificationPlanner;
import org.oscar.alert.store.AlertStore;
import org.oscar.contract.alert.AlertEvent;
import org.oscar.contract.alert.NotificationRecord;
import org.oscar.contract.codec.Json;
import org.oscar.contract.live.IncidentView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert API's HTTP face. Handlers never block: every store call runs on a worker thread via
 * {@code executeBlocking}. Logs name incidents and posts, never locations or contacts.
 */
public final class AlertApiServer {
  private static final Logger LOG = LoggerFactory.getLogger(AlertApiServer.class);
  private static final int MAX_BODY_BYTES = 64 * 1024;

  private final Vertx vertx;
  private final ApiConfig config;
  private final AlertStore store;
  private HttpServer server;

  public AlertApiServer(Vertx vertx, ApiConfig config, AlertStore store) {
    this.vertx = vertx;
    this.config = config;
    this.store = store;
  }

  /** The API over the Redis store its configuration names. */
  public static AlertApiServer overRedis(Vertx vertx, ApiConfig config) {
    return new AlertApiServer(
        vertx,
        config,
        new org.oscar.alert.store.RedisAlertStore(
            config.redisHost(), config.redisPort(), config.redisPassword()));
  }

  /** Starts listening; completes with the bound port. */
  public Future<Integer> start() {
    Router router = Router.router(vertx);
    router.get("/health").handler(ctx -> ctx.response().end("ok"));
    router.route("/api/*").handler(new BearerTokenAuth(config.token()));
    router.route("/api/*").handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES));
    router.post("/api/v1/events/alert").handler(this::alert);
    router.get("/api/v1/incidents/:id").handler(this::getIncident);
    return vertx
        .createHttpServer()
        .requestHandler(router)
        .listen(config.port(), config.host())
        .map(
            s -> {
              server = s;
              return s.actualPort();
            });
  }

  /** Stops listening and releases the store. */
  public Future<Void> stop() {
    Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
    return closed.onComplete(r -> store.close());
  }

  private void alert(RoutingContext ctx) {
    AlertEvent event;
    try {
      event = Json.fromString(ctx.body().asString(), AlertEvent.class);
    } catch (RuntimeException e) {
      badRequest(ctx, "body is not an alert event");
      return;
    }
    if (event.incident() == null || !IncidentView.isValidId(event.incident().incidentId())) {
      badRequest(ctx, "incident.incidentId missing or malformed");
      return;
    }
    if (event.level() == null
        || !IncidentView.isValidId(event.level())
        || event.roles().isEmpty()) {
      badRequest(ctx, "level and roles are required");
      return;
    }
    List<NotificationRecord> planned = NotificationPlanner.plan(event, System.currentTimeMillis());
    vertx
        .executeBlocking(
            () -> {
              JsonArray outcome = new JsonArray();
              for (NotificationRecord r : planned) {
                boolean fresh = store.recordOnce(r);
                outcome.add(
                    new JsonObject()
                        .put("role", r.role())
                        .put("officialId", r.officialId())
                        .put("recorded", fresh));
              }
              return outcome;
            })
        .onSuccess(
            outcome -> {
              LOG.info(
                  "incident {} {}: notifications {}",
                  event.incident().incidentId(),
                  event.level(),
                  outcome.encode());
              json(
                  ctx,
                  202,
                  new JsonObject().put("eventId", event.eventId()).put("notifications", outcome));
            })
        .onFailure(e -> unavailable(ctx, e));
  }

  private void getIncident(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (!IncidentView.isValidId(id)) {
      badRequest(ctx, "malformed incident id");
      return;
    }
    vertx
        .executeBlocking(
            () ->
                store
                    .incidentJson(id)
                    .map(
                        incident ->
                            new JsonObject(incident)
                                .put(
                                    "notifications",
                                    new JsonArray(Json.toString(store.notifications(id))))))
        .onSuccess(
            found -> {
              if (found.isPresent()) {
                json(ctx, 200, found.get());
              } else {
                json(ctx, 404, new JsonObject().put("error", "no such incident"));
              }
            })
        .onFailure(e -> unavailable(ctx, e));
  }

  private static void badRequest(RoutingContext ctx, String why) {
    json(ctx, 400, new JsonObject().put("error", why));
  }

  private static void unavailable(RoutingContext ctx, Throwable e) {
    LOG.warn("store unavailable: {}", e.getMessage());
    json(ctx, 503, new JsonObject().put("error", "store unavailable"));
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(body.encode());
  }
}
