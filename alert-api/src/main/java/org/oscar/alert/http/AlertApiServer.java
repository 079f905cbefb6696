package org.oscar.alert.http;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.oscar.alert.cases.clock.ClockPolicy;
import org.oscar.alert.cases.http.CaseRoutes;
import org.oscar.alert.cases.model.Agency;
import org.oscar.alert.cases.privacy.IdentityCipher;
import org.oscar.alert.cases.store.CaseClocks;
import org.oscar.alert.cases.store.CaseNotices;
import org.oscar.alert.cases.store.CaseStore;
import org.oscar.alert.config.ApiConfig;
import org.oscar.alert.http.auth.ApiAuth;
import org.oscar.alert.http.auth.UserDirectory;
import org.oscar.alert.notify.Notifier;
import org.oscar.alert.notify.delivery.DeliveryOutbox;
import org.oscar.alert.notify.delivery.RedisDeliveryOutbox;
import org.oscar.alert.privacy.PositionPurge;
import org.oscar.alert.privacy.Retention;
import org.oscar.alert.region.LiveRegions;
import org.oscar.alert.responder.ResponderBridge;
import org.oscar.alert.store.AlertStore;
import org.oscar.contract.alert.AlertEvent;
import org.oscar.contract.alert.DeliveryStatus;
import org.oscar.contract.codec.Json;
import org.oscar.contract.mqtt.MqttPublisher;
import org.oscar.contract.registry.DeviceRecord;
import org.oscar.contract.wire.DeviceClass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;

/**
 * The alert API's HTTP face. Handlers never block: every store call runs on a worker thread via
 * {@code executeBlocking}. Logs name incidents and posts, never locations or contacts.
 */
public final class AlertApiServer {
  private static final Logger LOG = LoggerFactory.getLogger(AlertApiServer.class);
  private static final int MAX_BODY_BYTES = 64 * 1024;
  private static final int MAX_INTAKE_BYTES = 16 * 1024 * 1024;

  private final Vertx vertx;
  private final ApiConfig config;
  private final AlertStore store;
  private final PrometheusMeterRegistry meters =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final DeliveryOutbox alertOutbox;
  private final Notifier notifier;
  private final LiveFeed feed;
  private final ControlRoomRoutes controlRoom;
  private final ApiAuth auth;
  private final MqttPublisher mqtt;
  private final ResponderBridge responders;
  private final OverrideRoutes overrides;
  private final PositionPurge purge;
  private final Map<String, AtomicLong> openIncidents = new ConcurrentHashMap<>();
  private final CaseStore cases;
  private final CaseRoutes caseRoutes;
  private final AlertIntake intake;
  private final LiveRegions regions;

  /** How often the region bundles' folder is looked at for a change. */
  static final long REGIONS_CHECK_MS = 10_000;

  private long regionsTimer = -1;
  private final PipelineRoutes pipeline;
  private HttpServer server;
  private volatile boolean stopped;

  public AlertApiServer(Vertx vertx, ApiConfig config, AlertStore store) {
    this.vertx = vertx;
    this.config = config;
    this.store = store;
    this.alertOutbox = new RedisDeliveryOutbox(vertx, store);
    this.regions = LiveRegions.load(Path.of(config.regionsDir()));
    this.notifier = Notifier.from(vertx, config, alertOutbox, meters, regions);
    this.intake = new AlertIntake(vertx, store, notifier, meters);
    this.pipeline = new PipelineRoutes(vertx, store, intake, meters);
    UserDirectory users =
        config.usersFile().isEmpty()
            ? UserDirectory.empty()
            : UserDirectory.load(Path.of(config.usersFile()));
    this.auth = new ApiAuth(config.token(), jwt(vertx, config), users, regions);
    this.feed = new LiveFeed(vertx, store, redisClient(config));
    this.mqtt =
        config.mqttUrl().isEmpty()
            ? null
            : new MqttPublisher(
                config.mqttUrl(),
                "oscar-control-room-" + UUID.randomUUID().toString().substring(0, 8),
                config.mqttUser().isEmpty() ? null : config.mqttUser(),
                config.mqttPassword().isEmpty() ? null : config.mqttPassword());
    this.overrides = new OverrideRoutes(vertx, store, mqtt, regions);
    this.responders =
        config.mqttUrl().isEmpty()
            ? null
            : new ResponderBridge(
                vertx,
                config.mqttUrl(),
                config.responderBridgeLimit(),
                id ->
                    store
                        .device(id)
                        .filter(d -> d.status() == DeviceRecord.DeviceStatus.ACTIVE)
                        .filter(d -> d.kind().deviceClass() == DeviceClass.UNIT)
                        .isPresent(),
                meters);
    this.purge =
        new PositionPurge(vertx, store, new Retention(Duration.ofDays(config.purgeAfterDays())));
    this.controlRoom =
        new ControlRoomRoutes(vertx, store, users, auth, feed, config.mapTiles(), regions);
    this.cases =
        config.cases() == null
            ? null
            : caseStore(config.cases().pool(vertx, config.casePoolSize()));
    this.caseRoutes =
        cases == null
            ? null
            : new CaseRoutes(
                cases,
                meters,
                config.identityKeyFile().isEmpty()
                    ? null
                    : IdentityCipher.fromFile(Path.of(config.identityKeyFile())));
  }

  private CaseStore caseStore(io.vertx.sqlclient.Pool pool) {
    CaseNotices notices =
        new CaseNotices(pool, notifier.planner(), config.publicUrl() + "/cases.html#/cases/");
    ClockPolicy clocks =
        config.clockPolicyFile().isEmpty()
            ? ClockPolicy.bundled()
            : ClockPolicy.load(Path.of(config.clockPolicyFile()));
    return new CaseStore(pool, notices, new CaseClocks(pool, clocks, notices));
  }

  private static JWTAuth jwt(Vertx vertx, ApiConfig config) {
    String secret = config.jwtSecret();
    if (secret.isEmpty()) {
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      secret = Base64.getEncoder().encodeToString(random);
    }
    return JWTAuth.create(
        vertx,
        new JWTAuthOptions()
            .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret)));
  }

  private static RedisClient redisClient(ApiConfig config) {
    var c = DefaultJedisClientConfig.builder().timeoutMillis(0);
    if (config.redisPassword() != null && !config.redisPassword().isEmpty()) {
      c.password(config.redisPassword());
    }
    return RedisClient.builder()
        .hostAndPort(config.redisHost(), config.redisPort())
        .clientConfig(c.build())
        .build();
  }

  /** The API over the Redis store its configuration names. */
  public static AlertApiServer overRedis(Vertx vertx, ApiConfig config) {
    return new AlertApiServer(
        vertx,
        config,
        new org.oscar.alert.store.RedisAlertStore(
            config.redisHost(), config.redisPort(), config.redisPassword()));
  }

  /**
   * Starts listening; completes with the bound port. The case register (when there is one) comes up
   * beside it: its schema is brought up to date and its agencies put in, retried until PostgreSQL
   * answers, and until then its routes answer 503. Alerting officials never waits for it.
   */
  public Future<Integer> start() {
    return listen()
        .onSuccess(
            port -> {
              if (cases != null) {
                prepareCaseRegister();
              }
            });
  }

  private void prepareCaseRegister() {
    vertx
        .executeBlocking(
            () -> {
              config.cases().migrate();
              return config.agenciesFile().isEmpty()
                  ? List.<Agency>of()
                  : Json.mapper()
                      .readValue(
                          java.nio.file.Files.readAllBytes(Path.of(config.agenciesFile())),
                          new com.fasterxml.jackson.core.type.TypeReference<List<Agency>>() {});
            })
        .compose(agencies -> cases.putAgencies(agencies).map(agencies.size()))
        .onSuccess(
            n -> {
              caseRoutes.ready();
              notifier.serve(cases.notices(), "oscar.case.notice.deliveries");
              if (!stopped) {
                cases.clocks().start(vertx, config.clockPollMs());
              }
              LOG.info(
                  "case register ready ({}, {} agencies put, clock policy {} {})",
                  config.cases(),
                  n,
                  cases.clocks().policy().state(),
                  cases.clocks().policy().version());
            })
        .onFailure(
            e -> {
              LOG.warn("case register not ready, retrying in 2 s: {}", e.getMessage());
              if (!stopped) {
                vertx.setTimer(2_000, t -> prepareCaseRegister());
              }
            });
  }

  private Future<Integer> listen() {
    Router router = Router.router(vertx);
    router.get("/health").handler(ctx -> ctx.response().end("ok"));
    // Counts only, no case data: scraped by Prometheus without a login, like /health.
    router.get("/metrics").handler(this::metrics);
    if (!config.smsReceiptToken().isEmpty()) {
      router.route("/hooks/*").handler(new BearerTokenAuth(config.smsReceiptToken()));
      router.route("/hooks/*").handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES));
      router.post("/hooks/sms/receipts").handler(this::smsReceipt);
    }
    router.post("/login").handler(BodyHandler.create().setBodyLimit(4096));
    if (responders != null) {
      // Public like the page itself: the broker authenticates each unit's own MQTT login.
      responders.mount(router);
    }
    controlRoom.mountPublic(router);
    router.route("/api/*").handler(auth);
    // An incident's view carries its whole timeline, which grows while she moves: the job's intake
    // takes larger bodies than a user's request.
    BodyHandler small = BodyHandler.create().setBodyLimit(MAX_BODY_BYTES);
    BodyHandler intake = BodyHandler.create().setBodyLimit(MAX_INTAKE_BYTES);
    router
        .route("/api/*")
        .handler(
            ctx -> {
              if (CaseRoutes.INTAKE_PATH.equals(ctx.request().path())) {
                intake.handle(ctx);
              } else {
                small.handle(ctx);
              }
            });
    router.post("/api/v1/events/alert").handler(ApiAuth.serviceOnly()).handler(this::alert);
    for (String live :
        List.of(
            "/api/v1/incidents",
            "/api/v1/incidents/*",
            "/api/v1/units",
            "/api/v1/facilities",
            "/api/v1/unregistered-emergencies",
            "/api/v1/stream")) {
      router.route(live).handler(ApiAuth.controlRoomOnly());
    }
    controlRoom.mountApi(router);
    overrides.mount(router);
    pipeline.mount(router);
    if (caseRoutes != null) {
      caseRoutes.mount(router);
    }
    router.route("/vendor/leaflet/*").handler(WebJar.handler("leaflet", "dist"));
    router.route("/vendor/paho-mqtt/*").handler(WebJar.handler("paho-mqtt", ""));
    router.route("/*").handler(StaticHandler.create("webroot").setCachingEnabled(false));
    return vertx
        .createHttpServer(
            new HttpServerOptions().setWebSocketSubProtocols(ResponderBridge.SUBPROTOCOLS))
        .requestHandler(router)
        .listen(config.port(), config.host())
        .map(
            s -> {
              server = s;
              notifier.start();
              regionsTimer = regions.watch(vertx, REGIONS_CHECK_MS);
              feed.start();
              purge.start(config.purgeEveryMs());
              LOG.info("notification channels: {}", notifier.channelNames());
              return s.actualPort();
            });
  }

  /** Stops listening and releases the store. */
  public Future<Void> stop() {
    if (regionsTimer >= 0) {
      vertx.cancelTimer(regionsTimer);
    }
    stopped = true;
    notifier.stop();
    if (cases != null) {
      cases.clocks().stop(vertx);
    }
    feed.stop();
    purge.stop();
    if (mqtt != null) {
      mqtt.close();
    }
    if (responders != null) {
      responders.close();
    }
    Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
    return closed.onComplete(
        r -> {
          store.close();
          if (cases != null) {
            cases.close();
          }
        });
  }

  private void alert(RoutingContext ctx) {
    AlertIntake.Parsed parsed = AlertIntake.parse(ctx.body().asString());
    if (!parsed.ok()) {
      ApiResponses.badRequest(ctx, parsed.problem());
      return;
    }
    AlertEvent event = parsed.event();
    intake
        .record(event)
        .onSuccess(
            outcome -> {
              LOG.info(
                  "incident {} {}: notifications {}",
                  event.incident().incidentId(),
                  event.level(),
                  outcome.encode());
              ApiResponses.json(
                  ctx,
                  202,
                  new JsonObject().put("eventId", event.eventId()).put("notifications", outcome));
            })
        .onFailure(e -> ApiResponses.unavailable(ctx, e));
  }

  /** Prometheus text; the open-incident gauges are read from live state at scrape time. */
  private void metrics(RoutingContext ctx) {
    vertx
        .executeBlocking(
            () -> {
              pipeline.refreshGauges();
              store
                  .openIncidentCounts()
                  .forEach(
                      (region, n) ->
                          openIncidents
                              .computeIfAbsent(
                                  region,
                                  r -> {
                                    AtomicLong holder = new AtomicLong();
                                    meters.gauge(
                                        "oscar.incidents.open",
                                        io.micrometer.core.instrument.Tags.of("region", r),
                                        holder);
                                    return holder;
                                  })
                              .set(n));
              return meters.scrape();
            },
            false)
        .onSuccess(
            text ->
                ctx.response()
                    .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                    .end(text))
        .onFailure(e -> ApiResponses.unavailable(ctx, e));
  }

  /**
   * The SMS gateway's delivery report: {@code {reference, status: DELIVERED|FAILED, detail?}},
   * where {@code reference} is the delivery id it was given. Recorded as a receipt.
   */
  private void smsReceipt(RoutingContext ctx) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      ApiResponses.badRequest(ctx, "body is not JSON");
      return;
    }
    String reference = body == null ? null : body.getString("reference");
    String status = body == null ? null : body.getString("status");
    if (reference == null || !("DELIVERED".equals(status) || "FAILED".equals(status))) {
      ApiResponses.badRequest(ctx, "reference and status DELIVERED or FAILED are required");
      return;
    }
    String given = String.valueOf(body.getValue("detail", "gateway report"));
    String detail = given.length() > 200 ? given.substring(0, 200) : given;
    DeliveryOutbox outbox =
        reference.startsWith(CaseNotices.DELIVERY_PREFIX) && cases != null
            ? cases.notices()
            : alertOutbox;
    outbox
        .report(reference, DeliveryStatus.valueOf(status), System.currentTimeMillis(), detail)
        .onSuccess(
            found -> {
              if (found) {
                meters.counter("oscar.alert.delivery.reports", "status", status).increment();
                ApiResponses.json(ctx, 202, new JsonObject().put("recorded", true));
              } else {
                ApiResponses.json(ctx, 404, new JsonObject().put("error", "no such delivery"));
              }
            })
        .onFailure(e -> ApiResponses.unavailable(ctx, e));
  }
}
