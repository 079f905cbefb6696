package org.oscar.alert.http;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.oscar.alert.config.ApiConfig;
import org.oscar.alert.http.auth.ApiAuth;
import org.oscar.alert.http.auth.LoginThrottle;
import org.oscar.alert.http.auth.Principal;
import org.oscar.alert.http.auth.UserDirectory;
import org.oscar.alert.store.AlertStore;
import org.oscar.alert.store.AuditEntry;
import org.oscar.contract.codec.Json;
import org.oscar.contract.live.IncidentView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What control rooms read: login, open incidents, one incident with its timeline, notifications and
 * deliveries, units with live positions, the base map, and the live push. Every read is scoped to
 * the caller's district: another district's incident is 403, and lists hold only the caller's own.
 * Store calls run off the event loop.
 */
final class ControlRoomRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(ControlRoomRoutes.class);

  private final Vertx vertx;
  private final AlertStore store;
  private final UserDirectory users;
  private final ApiAuth auth;
  private final LiveFeed feed;
  private final RegionAreas areas;
  private final RegionFacilities facilities;
  private final ApiConfig.MapTiles tiles;
  private final LoginThrottle throttle = LoginThrottle.defaults();
  private static final int MAX_LOGINS_IN_FLIGHT = 4;
  private final java.util.concurrent.atomic.AtomicInteger loginsInFlight =
      new java.util.concurrent.atomic.AtomicInteger();

  ControlRoomRoutes(
      Vertx vertx,
      AlertStore store,
      UserDirectory users,
      ApiAuth auth,
      LiveFeed feed,
      ApiConfig.MapTiles tiles,
      java.util.function.Supplier<org.oscar.contract.region.RegionCatalog> regions) {
    this.tiles = tiles;
    this.vertx = vertx;
    this.store = store;
    this.users = users;
    this.auth = auth;
    this.feed = feed;
    this.areas = new RegionAreas(regions);
    this.facilities = new RegionFacilities(regions);
  }

  /** Routes that need no login (the login itself and the map's settings). */
  void mountPublic(Router router) {
    router.post("/login").handler(this::login);
    router
        .get("/map/settings.json")
        .handler(
            ctx ->
                ApiResponses.json(
                    ctx,
                    200,
                    new JsonObject()
                        .put("tileUrl", tiles.isSet() ? tiles.url() : null)
                        .put("tileAttribution", tiles.isSet() ? tiles.attribution() : null)));
  }

  /** Routes behind {@link ApiAuth}. */
  void mountApi(Router router) {
    router.get("/api/v1/incidents").handler(this::openIncidents);
    router.get("/api/v1/incidents/:id").handler(this::incident);
    router.get("/api/v1/units").handler(this::units);
    router
        .get("/api/v1/facilities")
        .handler(
            ctx ->
                ApiResponses.json(
                    ctx,
                    200,
                    new JsonObject()
                        .put("facilities", facilities.of(ApiAuth.principal(ctx).regions()))));
    // The user's regions: outlines, stations and the box the map opens on (docs/control-room.md).
    router
        .get("/api/v1/areas")
        .handler(
            ctx ->
                vertx
                    .executeBlocking(
                        () -> areas.of(ApiAuth.principal(ctx).regions()).encode(), false)
                    .onSuccess(
                        body ->
                            ctx.response()
                                .putHeader("Content-Type", "application/geo+json")
                                .putHeader("Cache-Control", "private, max-age=300")
                                .end(body))
                    .onFailure(ctx::fail));
    router.get("/api/v1/unregistered-emergencies").handler(this::unregisteredEmergencies);
    router.get("/api/v1/stream").handler(feed::handle);
  }

  private void login(RoutingContext ctx) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      body = null;
    }
    if (body == null) {
      ApiResponses.badRequest(ctx, "username and password are required");
      return;
    }
    String username = body.getString("username");
    String password = body.getString("password");
    String address = ctx.request().remoteAddress().hostAddress();
    if (loginsInFlight.get() >= MAX_LOGINS_IN_FLIGHT
        || !throttle.tryBegin(username, address, System.currentTimeMillis())) {
      LOG.warn("login refused: too many attempts");
      ApiResponses.json(
          ctx, 429, new JsonObject().put("error", "too many login attempts; try again later"));
      return;
    }
    // Password hashing is slow by design: a handful at a time, so a flood of logins cannot fill
    // the worker pool that records and sends alerts.
    loginsInFlight.incrementAndGet();
    vertx
        .executeBlocking(() -> users.authenticate(username, password), false)
        .onComplete(r -> loginsInFlight.decrementAndGet())
        .onSuccess(
            account -> {
              if (account.isEmpty()) {
                LOG.info("login refused");
                ApiResponses.json(
                    ctx, 401, new JsonObject().put("error", "wrong username or password"));
                return;
              }
              throttle.succeeded(username, address);
              LOG.info("login: {} ({})", account.get().username(), account.get().district());
              ApiResponses.json(
                  ctx,
                  200,
                  new JsonObject()
                      .put("token", auth.tokenFor(account.get()))
                      .put("username", account.get().username())
                      .put("district", account.get().district())
                      .put("role", account.get().role().name())
                      .put("agency", account.get().agency())
                      .put("post", account.get().post())
                      .put("state", account.get().state())
                      .put("regions", new JsonArray(auth.regionsOf(account.get()))));
            })
        .onFailure(e -> ApiResponses.unavailable(ctx, e));
  }

  private void openIncidents(RoutingContext ctx) {
    Principal who = ApiAuth.principal(ctx);
    listOverRegions(
        ctx,
        "incidents",
        store::openIncidentJsons,
        json -> who.canSee(Json.fromString(json, IncidentView.class)));
  }

  /** Unverified SOS from trackers no device is bound to, in the caller's regions. */
  private void unregisteredEmergencies(RoutingContext ctx) {
    listOverRegions(ctx, "emergencies", store::unregisteredEmergencyJsons, json -> true);
  }

  /** {@code {field: [...]}} of the JSON documents of every region of the caller that it may see. */
  private void listOverRegions(
      RoutingContext ctx,
      String field,
      Function<String, List<String>> ofRegion,
      Predicate<String> visible) {
    Principal who = ApiAuth.principal(ctx);
    vertx
        .executeBlocking(
            () -> {
              JsonArray out = new JsonArray();
              for (String region : who.regions()) {
                for (String json : ofRegion.apply(region)) {
                  if (visible.test(json)) {
                    out.add(new JsonObject(json));
                  }
                }
              }
              return out;
            },
            false)
        .onSuccess(list -> ApiResponses.json(ctx, 200, new JsonObject().put(field, list)))
        .onFailure(e -> ApiResponses.unavailable(ctx, e));
  }

  private void incident(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (!IncidentView.isValidId(id)) {
      ApiResponses.badRequest(ctx, "malformed incident id");
      return;
    }
    Principal who = ApiAuth.principal(ctx);
    vertx
        .executeBlocking(() -> readIncident(id), false)
        .onSuccess(
            found -> {
              if (found.isEmpty()) {
                ApiResponses.json(ctx, 404, new JsonObject().put("error", "no such incident"));
              } else if (!who.canSee(found.get().view())) {
                // Another district's case: not even whether it exists beyond this.
                ApiResponses.json(ctx, 403, new JsonObject().put("error", "not your district"));
              } else {
                JsonObject answer = found.get().json();
                if (who.service()) {
                  answer.remove("callBack"); // a person's number is for the people who call her
                }
                ApiResponses.json(ctx, 200, answer);
                audit(who, "READ", id, null);
              }
            })
        .onFailure(e -> ApiResponses.unavailable(ctx, e));
  }

  private record Found(IncidentView view, JsonObject json) {}

  private Optional<Found> readIncident(String id) {
    return store
        .incidentJson(id)
        .map(
            json -> {
              IncidentView view = Json.fromString(json, IncidentView.class);
              JsonObject out =
                  new JsonObject(json)
                      .put("notifications", new JsonArray(Json.toString(store.notifications(id))))
                      .put("deliveries", new JsonArray(Json.toString(store.receipts(id))))
                      .put("audit", new JsonArray(Json.toString(store.audit(id))));
              // Her number, only while nobody knows where she is: the control room must call her.
              // Served to her district's users alone (the caller is checked before this is sent),
              // and the read is audited like every read of the case.
              if (view.locationUnknown() && view.deviceId() != null) {
                store.callBackOf(view.deviceId()).ifPresent(n -> out.put("callBack", n));
              }
              return new Found(view, out);
            });
  }

  /** Who read or changed which case: written after answering, never delaying the answer. */
  private void audit(Principal who, String action, String incidentId, String detail) {
    if (who.service()) {
      return; // the stream job's own reads are not a person looking at a case
    }
    AuditEntry entry =
        new AuditEntry(System.currentTimeMillis(), who.name(), action, incidentId, detail);
    vertx
        .executeBlocking(
            () -> {
              store.audit(entry);
              return null;
            },
            false)
        .onFailure(e -> LOG.warn("audit entry not written: {}", e.getMessage()));
  }

  private void units(RoutingContext ctx) {
    Principal who = ApiAuth.principal(ctx);
    vertx
        .executeBlocking(
            () -> {
              List<Map<String, String>> all = new ArrayList<>();
              for (String region : who.regions()) {
                all.addAll(store.units(region));
              }
              JsonArray out = new JsonArray();
              all.forEach(u -> out.add(new JsonObject(new java.util.HashMap<>(u))));
              return out;
            },
            false)
        .onSuccess(list -> ApiResponses.json(ctx, 200, new JsonObject().put("units", list)))
        .onFailure(e -> ApiResponses.unavailable(ctx, e));
  }
}
