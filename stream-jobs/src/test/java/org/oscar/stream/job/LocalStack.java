package org.oscar.stream.job;

import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.util.TestStreamEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.awaitility.Awaitility;
import org.oscar.alert.config.ApiConfig;
import org.oscar.alert.http.AlertApiServer;
import org.oscar.contract.codec.Json;
import org.oscar.contract.live.IncidentView;
import org.oscar.contract.live.LiveKeys;
import org.oscar.stream.connector.alert.AlertApiEndpoint;
import org.oscar.stream.connector.alert.AlertApiSink;
import org.oscar.stream.connector.cases.CaseIntakeSink;
import org.oscar.stream.connector.mqtt.MqttConnection;
import org.oscar.stream.connector.mqtt.sink.MqttSink;
import org.oscar.stream.connector.mqtt.source.MqttSource;
import org.oscar.stream.connector.redis.RedisEndpoint;
import org.oscar.stream.directory.DirectorySource;
import org.oscar.stream.dispatch.eta.StraightLineTravelTime;
import org.oscar.stream.live.LiveStateWrites;
import org.oscar.stream.region.RegionSource;
import org.oscar.stream.region.TestRegions;
import org.oscar.stream.validate.ValidationPolicy;
import org.oscar.testkit.FreePort;
import org.oscar.testkit.MosquittoProcess;
import org.oscar.testkit.PostgresProcess;
import org.oscar.testkit.RedisProcess;
import redis.clients.jedis.RedisClient;

/**
 * The parts the pipeline talks to, for integration tests: a private Mosquitto and Redis on free
 * loopback ports and the alert API in-process over that Redis. Each can be stopped and started
 * again by the test.
 */
final class LocalStack implements AutoCloseable {
  static final String TOKEN = "local-stack-token-0123456789";

  final MosquittoProcess mosquitto;
  final RedisProcess redis;
  final RedisClient redisClient;

  /** The case register's database; null unless {@link #withCaseRegister()}. */
  final PostgresProcess postgres;

  private final Vertx vertx = Vertx.vertx();
  private AlertApiServer api;
  private int apiPort;

  /** Where the MiniCluster's Prometheus reporter serves {@code /metrics}. */
  static final int METRICS_PORT = FreePort.pick();

  private static final int SLOTS = 2;

  /**
   * The Flink MiniCluster the stack's jobs run on: one TaskManager, two slots, metrics served as
   * the local run serves them.
   */
  static MiniClusterExtension miniCluster() {
    return new MiniClusterExtension(
        new MiniClusterResourceConfiguration.Builder()
            .setConfiguration(Configuration.fromMap(clusterSettings()))
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(SLOTS)
            .build());
  }

  /**
   * An environment on the extension's MiniCluster, for a job started in {@code @BeforeAll}. The
   * extension makes its cluster the context environment only around each test method: there, {@code
   * getExecutionEnvironment()} builds a private local cluster instead, without {@link
   * #clusterSettings()} and out of reach of a test that kills the extension's TaskManager.
   */
  static StreamExecutionEnvironment environment(MiniCluster flink) {
    return new TestStreamEnvironment(flink, SLOTS);
  }

  /** What Prometheus scrapes from the MiniCluster (the job's metrics and Flink's own). */
  static String flinkMetrics() throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + METRICS_PORT + "/metrics"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /**
   * Metrics as the local run serves them, and a lost TaskManager noticed in seconds rather than
   * after the default 50 s heartbeat timeout (the kill test terminates one).
   */
  private static Map<String, String> clusterSettings() {
    Map<String, String> settings =
        new java.util.HashMap<>(OscarJobMain.prometheusReporter(METRICS_PORT));
    settings.put("heartbeat.interval", "1000");
    settings.put("heartbeat.timeout", "5000");
    return settings;
  }

  LocalStack() throws Exception {
    this(new RedisProcess());
  }

  LocalStack(RedisProcess redis) throws Exception {
    this(new MosquittoProcess(), redis);
  }

  LocalStack(MosquittoProcess mosquitto, RedisProcess redis) throws Exception {
    this(mosquitto, redis, null);
  }

  private LocalStack(MosquittoProcess mosquitto, RedisProcess redis, PostgresProcess postgres)
      throws Exception {
    this.mosquitto = mosquitto;
    this.redis = redis;
    this.postgres = postgres;
    mosquitto.start();
    redis.start();
    if (postgres != null) {
      postgres.start();
    }
    redisClient = RedisClient.create(redis.host(), redis.port());
    startApi();
  }

  /**
   * A stack whose API keeps the case register, on a private PostgreSQL; its job sends every
   * incident there. Other stacks keep none, and their jobs send nothing.
   */
  static LocalStack withCaseRegister() throws Exception {
    return new LocalStack(new MosquittoProcess(), new RedisProcess(), new PostgresProcess());
  }

  /** The OSC Centre Administrator of Khordha, a login of the stack's API. */
  static final String OSC_ADMIN = "osc.khordha";

  /** Legal aid (DLSA Khordha) and a police station, agencies' logins of the stack's API. */
  static final String LEGAL_AID = "dlsa.khordha";

  static final String OTHER_STATION = "police.sahidnagar";

  /** A login of Khordha with the stack's password, its role and agency (null: none). */
  private static Map<String, Object> user(String name, String role, String agency) {
    Map<String, Object> u = new java.util.HashMap<>();
    u.put("username", name);
    u.put(
        "passwordHash",
        org.oscar.contract.security.PinHash.hash(
            USER_PASSWORD, new java.security.SecureRandom(), 1_000));
    u.put("district", "Khordha");
    u.put("regions", List.of("khordha"));
    u.put("role", role);
    if (agency != null) {
      u.put("agency", agency);
    }
    return u;
  }

  /** The control-room login of the stack's API: district Khordha, region khordha. */
  static final String USER = "control.khordha";

  static final String USER_PASSWORD = "stack-password";

  /** The token the API takes from services; the job is always given {@link #TOKEN}. */
  private String apiToken = TOKEN;

  /**
   * Restarts the API with another service token, as a rotation that has not reached the job does:
   * the job's requests are then answered 401 until {@link #restoreApiToken()}.
   */
  void rotateApiToken(String token) throws Exception {
    stopApi();
    apiToken = token;
    startApi();
  }

  void restoreApiToken() throws Exception {
    rotateApiToken(TOKEN);
  }

  /** Starts the alert API (again), on the same port if it ran before. */
  void startApi() throws Exception {
    Map<String, String> env = new java.util.HashMap<>();
    env.put("OSCAR_API_PORT", String.valueOf(apiPort));
    env.put("OSCAR_REDIS_PORT", String.valueOf(redis.port()));
    env.put("OSCAR_API_TOKEN", apiToken);
    env.put("OSCAR_REGIONS_DIR", org.oscar.stream.region.TestRegions.SHIPPED.toString());
    env.put("OSCAR_USERS_FILE", usersFile().toString());
    env.put("OSCAR_MQTT_URL", mosquitto.url());
    // Fixed, so that a user's login outlives an API restart as it does in a deployment.
    env.put("OSCAR_JWT_SECRET", "local-stack-jwt-secret-0123456789-abcdef");
    if (postgres != null) {
      env.put("OSCAR_PG_HOST", postgres.host());
      env.put("OSCAR_PG_PORT", String.valueOf(postgres.port()));
      env.put("OSCAR_PG_USER", PostgresProcess.USER);
      env.put("OSCAR_PG_PASSWORD", postgres.password());
      // The local run's agencies of Khordha (the module runs in stream-jobs/).
      env.put("OSCAR_AGENCIES_FILE", "../deploy/local/agencies.json");
    }
    ApiConfig config = ApiConfig.from(env);
    api = AlertApiServer.overRedis(vertx, config);
    apiPort = api.start().toCompletionStage().toCompletableFuture().get();
    if (postgres != null) {
      // The register comes up beside the API (schema, agencies): wait for it.
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .ignoreExceptions()
          .until(
              () ->
                  HttpClient.newHttpClient()
                          .send(
                              HttpRequest.newBuilder(
                                      URI.create(
                                          "http://127.0.0.1:" + apiPort + "/api/v1/case-forms"))
                                  .header("Authorization", "Bearer " + apiToken)
                                  .build(),
                              HttpResponse.BodyHandlers.discarding())
                          .statusCode()
                      == 200);
    }
  }

  private static java.nio.file.Path usersFile() throws java.io.IOException {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("users", ".json");
    java.nio.file.Files.writeString(
        file,
        org.oscar.contract.codec.Json.toString(
            List.of(
                user(USER, "CONTROL_ROOM", null),
                user(OSC_ADMIN, "OSC_ADMIN", "OSC-KHORDHA"),
                user(LEGAL_AID, "AGENCY", "DLSA-KHORDHA"),
                user(OTHER_STATION, "AGENCY", "PS-SAHIDNAGAR"))));
    return file;
  }

  /** The incident as live state holds it, once it is there and {@code holds}; 30 s at most. */
  IncidentView awaitIncident(String incidentId, Predicate<IncidentView> holds) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              String json = redisClient.get(LiveKeys.incident(incidentId));
              return json == null ? null : Json.fromString(json, IncidentView.class);
            },
            v -> v != null && holds.test(v));
  }

  /** Ids of the incidents live state holds for a device (survivor), sorted. */
  List<String> incidentsOf(String deviceId) {
    return redisClient.keys(LiveKeys.incident("INC-" + deviceId + "-*")).stream()
        .flatMap(k -> LiveKeys.incidentIdOf(k).stream())
        .sorted()
        .toList();
  }

  void stopApi() throws Exception {
    api.stop().toCompletionStage().toCompletableFuture().get();
  }

  int apiPort() {
    return apiPort;
  }

  /**
   * The settings of a job run as its own process ({@link OscarJobMain}) against this stack, with
   * the devices of a scenario file and checkpoints every second in a directory.
   */
  Map<String, String> jobSettings(
      String clientId, java.nio.file.Path scenario, java.nio.file.Path checkpoints) {
    Map<String, String> env = new java.util.HashMap<>();
    env.put("OSCAR_MQTT_URL", mosquitto.url());
    env.put("OSCAR_MQTT_CLIENT_ID", clientId);
    env.put("OSCAR_REDIS_PORT", String.valueOf(redis.port()));
    env.put("OSCAR_ALERT_API_URL", "http://127.0.0.1:" + apiPort);
    env.put("OSCAR_ALERT_API_TOKEN", TOKEN);
    env.put("OSCAR_DEVICE_DIRECTORY", "scenario");
    env.put("OSCAR_SCENARIO", scenario.toString());
    env.put("OSCAR_CHECKPOINT_INTERVAL_MS", "1000");
    env.put("OSCAR_CHECKPOINT_DIR", checkpoints.toString());
    env.put("OSCAR_METRICS_PORT", "0");
    env.put("OSCAR_CASE_INTAKE", postgres == null ? "off" : "on");
    env.put("OSCAR_REGIONS_DIR", TestRegions.SHIPPED.toString());
    return env;
  }

  /** How often a test job's operators look for changed bundles. */
  static final long REGIONS_RELOAD_MS = 1_000;

  /** The job on the real connectors of this stack, with the given devices and regions. */
  OscarJob job(String clientId, DirectorySource directory, RegionSource regions) {
    MqttConnection connection = new MqttConnection(mosquitto.url(), null, null);
    RedisEndpoint live = new RedisEndpoint(redis.host(), redis.port(), null);
    return new OscarJob(
        // Two readers sharing the broker's messages, as the local run reads them.
        new MqttSource(
            connection,
            List.of(mosquitto.url()),
            2,
            clientId,
            UplinkLanes.ORDERED,
            UplinkLanes.SHARED),
        new MqttSink(connection, clientId + "-out"),
        LiveStateWrites.unitSink(live),
        LiveStateWrites.incidentSink(live),
        AlertApiSink.of(new AlertApiEndpoint("http://127.0.0.1:" + apiPort, TOKEN), live),
        postgres == null
            ? new DiscardingSink<>()
            : CaseIntakeSink.of(new AlertApiEndpoint("http://127.0.0.1:" + apiPort, TOKEN)),
        directory,
        ValidationPolicy.defaults(),
        regions,
        REGIONS_RELOAD_MS,
        StraightLineTravelTime.defaults());
  }

  HttpResponse<String> getIncident(String incidentId) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + apiPort + "/api/v1/incidents/" + incidentId))
                .header("Authorization", "Bearer " + TOKEN)
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /** An incident as the alert API returns it. */
  io.vertx.core.json.JsonObject incident(String incidentId) throws Exception {
    return new io.vertx.core.json.JsonObject(getIncident(incidentId).body());
  }

  /**
   * What happened to an incident, in order: the timeline's {@code what}s, an assignment as {@code
   * ASSIGNED_<ROLE>}.
   */
  List<String> timeline(String incidentId) throws Exception {
    return incident(incidentId).getJsonArray("timeline").stream()
        .map(o -> (io.vertx.core.json.JsonObject) o)
        .map(
            e ->
                e.getString("what")
                    + (e.getString("what").equals("ASSIGNED")
                        ? "_" + e.getString("why").split(",")[0]
                        : ""))
        .toList();
  }

  /** The officials alerted about an incident, as {@code "<level> <official>"}. */
  List<String> notifications(String incidentId) throws Exception {
    return incident(incidentId).getJsonArray("notifications").stream()
        .map(o -> (io.vertx.core.json.JsonObject) o)
        .map(e -> e.getString("level") + " " + e.getString("officialId"))
        .toList();
  }

  @Override
  public void close() {
    try {
      stopApi();
    } catch (Exception e) {
      // already stopped by the test, or failing to stop: the processes below go anyway
    }
    redisClient.close();
    vertx.close();
    mosquitto.close();
    redis.close();
    if (postgres != null) {
      postgres.close();
    }
  }
}
