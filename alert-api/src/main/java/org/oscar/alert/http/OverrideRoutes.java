package org.oscar.alert.http;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import org.oscar.alert.http.auth.ApiAuth;
import org.oscar.alert.http.auth.Principal;
import org.oscar.alert.store.AlertStore;
import org.oscar.alert.store.AuditEntry;
import org.oscar.contract.codec.Json;
import org.oscar.contract.codec.PayloadDecoder;
import org.oscar.contract.live.IncidentIds;
import org.oscar.contract.live.IncidentView;
import org.oscar.contract.mqtt.MqttPublisher;
import org.oscar.contract.wire.OperatorAction;
import org.oscar.contract.wire.OperatorCommand;
import org.oscar.contract.wire.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control room's overrides: open an incident for a helpline call or a walk-in, assign a unit by
 * hand, close, mark serious, take the call (stop its alarm). The API decides nothing itself: it
 * checks the user may act on the case (its district), publishes an {@link OperatorCommand} to the
 * job's ops topic with its own broker client (202 once the broker has it), and records who did it
 * in the audit trail. The job then acts and puts it on the incident's timeline.
 */
final class OverrideRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(OverrideRoutes.class);
  private final Vertx vertx;
  private final AlertStore store;
  private final MqttPublisher mqtt;

  /** {@code mqtt} null: overrides are not configured and answer 503. */
  private final java.util.function.Supplier<org.oscar.contract.region.RegionCatalog> regions;

  OverrideRoutes(
      Vertx vertx,
      AlertStore store,
      MqttPublisher mqtt,
      java.util.function.Supplier<org.oscar.contract.region.RegionCatalog> regions) {
    this.vertx = vertx;
    this.store = store;
    this.mqtt = mqtt;
    this.regions = regions;
  }

  void mount(Router router) {
    router.post("/api/v1/incidents").handler(this::open);
    router
        .post("/api/v1/incidents/:id/assign")
        .handler(ctx -> onIncident(ctx, OperatorAction.ASSIGN));
    router
        .post("/api/v1/incidents/:id/close")
        .handler(ctx -> onIncident(ctx, OperatorAction.CLOSE));
    router
        .post("/api/v1/incidents/:id/serious")
        .handler(ctx -> onIncident(ctx, OperatorAction.MARK_SERIOUS));
    router
        .post("/api/v1/incidents/:id/locate")
        .handler(ctx -> onIncident(ctx, OperatorAction.LOCATE));
    router.post("/api/v1/incidents/:id/take").handler(ctx -> onIncident(ctx, OperatorAction.TAKE));
  }

  private void open(RoutingContext ctx) {
    Principal who = ApiAuth.principal(ctx);
    JsonObject body = bodyOf(ctx);
    Double lat = body.getDouble("lat");
    Double lon = body.getDouble("lon");
    if (lat == null
        || lon == null
        || !PayloadDecoder.validLatitude(lat)
        || !PayloadDecoder.validLongitude(lon)) {
      ApiResponses.badRequest(ctx, "lat and lon of the place are required");
      return;
    }
    String source = body.getString("source", "HELPLINE_181");
    if (!PayloadDecoder.OPEN_SOURCES.contains(source)) {
      ApiResponses.badRequest(ctx, "source is HELPLINE_181, WALK_IN or UNREGISTERED_TRACKER");
      return;
    }
    // The region of the place she is in. A place in another district is that district's case: its
    // police, OSC and officials, not the caller's (refused, so the caller hands it over). Outside
    // every region, the caller's own.
    java.util.Optional<String> placeRegion = regions.get().regionAt(lat, lon);
    if (body.getString("region") == null
        && placeRegion.isPresent()
        && !who.canSeeRegion(placeRegion.get())) {
      ApiResponses.json(
          ctx,
          403,
          new JsonObject()
              .put("error", "the place is in another district")
              .put("region", placeRegion.get()));
      return;
    }
    String region =
        body.getString(
            "region", placeRegion.orElse(who.regions().stream().sorted().findFirst().orElse(null)));
    if (region == null || !who.canSeeRegion(region)) {
      ApiResponses.json(ctx, 403, new JsonObject().put("error", "not your district"));
      return;
    }
    String dedupeKey = body.getString("dedupeKey");
    if (dedupeKey != null && (dedupeKey.isBlank() || dedupeKey.length() > 200)) {
      ApiResponses.badRequest(ctx, "dedupeKey is 1-200 characters");
      return;
    }
    // The same key (an unregistered tracker's alarm, say) opens one case, whoever clicks and
    // however often: the job ignores an OPEN whose call it already has.
    String commandId = dedupeKey == null ? newCommandId() : commandIdOf(region, dedupeKey);
    OperatorCommand c =
        new OperatorCommand(
            commandId,
            System.currentTimeMillis(),
            who.name(),
            OperatorAction.OPEN,
            null,
            null,
            lat,
            lon,
            body.getBoolean("injured", false),
            source,
            note(body));
    String incidentId = IncidentIds.ofCall(commandId);
    send(ctx, who, region, c, incidentId, source);
  }

  private void onIncident(RoutingContext ctx, OperatorAction action) {
    Principal who = ApiAuth.principal(ctx);
    String id = ctx.pathParam("id");
    if (!IncidentView.isValidId(id)) {
      ApiResponses.badRequest(ctx, "malformed incident id");
      return;
    }
    JsonObject body = bodyOf(ctx);
    String unitId = body.getString("unitId");
    if (action == OperatorAction.ASSIGN && !Topics.isValidId(unitId)) {
      ApiResponses.badRequest(ctx, "unitId is required");
      return;
    }
    Double lat = action == OperatorAction.LOCATE ? number(body, "lat") : null;
    Double lon = action == OperatorAction.LOCATE ? number(body, "lon") : null;
    if (action == OperatorAction.LOCATE
        && (lat == null
            || lon == null
            || !PayloadDecoder.validLatitude(lat)
            || !PayloadDecoder.validLongitude(lon))) {
      ApiResponses.badRequest(ctx, "lat and lon of where she is are required");
      return;
    }
    vertx
        .executeBlocking(
            () -> store.incidentJson(id).map(j -> Json.fromString(j, IncidentView.class)), false)
        .onSuccess(
            found -> {
              if (found.isEmpty()) {
                ApiResponses.json(ctx, 404, new JsonObject().put("error", "no such incident"));
              } else if (!who.canSee(found.get())) {
                ApiResponses.json(ctx, 403, new JsonObject().put("error", "not your district"));
              } else {
                OperatorCommand c =
                    new OperatorCommand(
                        newCommandId(),
                        System.currentTimeMillis(),
                        who.name(),
                        action,
                        id,
                        unitId,
                        lat,
                        lon,
                        null,
                        null,
                        note(body));
                send(ctx, who, found.get().region(), c, id, unitId);
              }
            })
        .onFailure(e -> ApiResponses.unavailable(ctx, e));
  }

  private void send(
      RoutingContext ctx,
      Principal who,
      String region,
      OperatorCommand c,
      String incidentId,
      String detail) {
    if (mqtt == null) {
      ApiResponses.json(ctx, 503, new JsonObject().put("error", "overrides are not configured"));
      return;
    }
    vertx
        .executeBlocking(
            () -> {
              mqtt.publish(Topics.operatorCommands(region), Json.toBytes(c), 1, false);
              store.audit(
                  new AuditEntry(
                      System.currentTimeMillis(),
                      who.name(),
                      c.action().name(),
                      incidentId,
                      detail == null ? c.commandId() : detail + " (" + c.commandId() + ")"));
              return null;
            },
            false)
        .onSuccess(
            v -> {
              LOG.info("{} by {} on {} ({})", c.action(), who.name(), incidentId, c.commandId());
              ApiResponses.json(
                  ctx,
                  202,
                  new JsonObject().put("commandId", c.commandId()).put("incidentId", incidentId));
            })
        .onFailure(
            e -> {
              LOG.warn("override {} not sent: {}", c.commandId(), e.toString());
              ApiResponses.json(
                  ctx,
                  503,
                  new JsonObject().put("error", "the pipeline could not be reached; try again"));
            });
  }

  private static JsonObject bodyOf(RoutingContext ctx) {
    try {
      JsonObject body = ctx.body().asJsonObject();
      return body == null ? new JsonObject() : body;
    } catch (RuntimeException e) {
      return new JsonObject();
    }
  }

  /** A number field, or null if absent or not a number (a string "20.1" is not taken). */
  private static Double number(JsonObject body, String field) {
    Object v = body.getValue(field);
    return v instanceof Number n ? n.doubleValue() : null;
  }

  private static String note(JsonObject body) {
    String note = body.getString("note");
    return note == null ? null : note.length() > 200 ? note.substring(0, 200) : note;
  }

  private static String commandIdOf(String region, String dedupeKey) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(
                  (region + "\n" + dedupeKey).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest).substring(0, 24);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String newCommandId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
  }
}
