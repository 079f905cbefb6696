package org.oscar.alert.cases;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.oscar.alert.config.ApiConfig;
import org.oscar.alert.http.AlertApiServer;
import org.oscar.contract.codec.Json;
import org.oscar.testkit.FreePort;
import org.oscar.testkit.PostgresProcess;
import org.oscar.testkit.RedisProcess;

/**
 * The case register's whole stack for a test: a private PostgreSQL and Redis, the users and
 * agencies files, and the API in this JVM on a fixed port (so a restarted API is where its clients
 * left it). Built the way a test reads: {@code CaseRegisterStack.with(users).agencies(...)}.
 */
final class CaseRegisterStack implements AutoCloseable {
  static final String TOKEN = "case-it-token-0123456789";

  private final List<TestUser> users;
  private final List<Map<String, Object>> agencies = new java.util.ArrayList<>();
  private final Map<String, String> env = new HashMap<>();
  private PostgresProcess postgres;
  private RedisProcess redis;
  private Vertx vertx;
  private String base;

  private CaseRegisterStack(List<TestUser> users) {
    this.users = users;
  }

  static CaseRegisterStack with(TestUser... users) {
    return new CaseRegisterStack(List.of(users));
  }

  /** An agency of the agencies file; {@code post} may be null (then {@code AGENCY:<id>}). */
  CaseRegisterStack agency(String id, String kind, String district, String post) {
    Map<String, Object> a = new HashMap<>(Map.of("id", id, "kind", kind, "district", district));
    a.put("name", id);
    if (post != null) {
      a.put("post", post);
    }
    agencies.add(a);
    return this;
  }

  private static final String SMS_KEY = "sms-key-0123456789";
  private static final String RECEIPT_TOKEN = "receipt-token-0123456789";

  /** An SMS gateway stand-in (a real HTTP server) for {@link #sms}. */
  static org.oscar.testkit.SmsGatewayServer smsGateway() throws java.io.IOException {
    return new org.oscar.testkit.SmsGatewayServer(SMS_KEY);
  }

  /**
   * Officials with these phones, reached through this gateway (SMS only), which reports delivery
   * back; deliveries are leased 11 s, the shortest the API allows.
   */
  CaseRegisterStack sms(org.oscar.testkit.SmsGatewayServer gateway, Map<String, String> phoneByPost)
      throws java.io.IOException {
    String apiKey = SMS_KEY;
    String receiptToken = RECEIPT_TOKEN;
    Map<String, Object> officials = new HashMap<>();
    phoneByPost.forEach((post, phone) -> officials.put(post, Map.of("name", post, "phone", phone)));
    Path file = Files.createTempFile("officials", ".json");
    Files.writeString(file, Json.toString(officials));
    gateway.reportDeliveryWith(receiptToken);
    return env("OSCAR_OFFICIALS_FILE", file.toString())
        .env("OSCAR_SMS_WEBHOOK_URL", gateway.url())
        .env("OSCAR_SMS_API_KEY", apiKey)
        .env("OSCAR_SMS_RECEIPT_TOKEN", receiptToken)
        .env("OSCAR_DELIVERY_LEASE_MS", "11000");
  }

  CaseRegisterStack env(String key, String value) {
    env.put(key, value);
    return this;
  }

  CaseRegisterStack start() throws Exception {
    postgres = new PostgresProcess();
    postgres.start();
    redis = new RedisProcess();
    redis.start();
    Path usersFile = Files.createTempFile("users", ".json");
    Files.writeString(usersFile, Json.toString(users.stream().map(TestUser::json).toList()));
    Path agenciesFile = Files.createTempFile("agencies", ".json");
    Files.writeString(agenciesFile, Json.toString(agencies));
    String port = String.valueOf(FreePort.pick());
    env.put("OSCAR_API_PORT", port);
    env.put("OSCAR_PUBLIC_URL", "http://127.0.0.1:" + port);
    env.put("OSCAR_REDIS_PORT", String.valueOf(redis.port()));
    env.put("OSCAR_API_TOKEN", TOKEN);
    env.put("OSCAR_REGIONS_DIR", org.oscar.alert.TestRegionsDir.PATH);
    env.put("OSCAR_USERS_FILE", usersFile.toString());
    env.put("OSCAR_JWT_SECRET", "case-it-jwt-secret-0123456789-0123456789");
    env.put("OSCAR_PG_HOST", postgres.host());
    env.put("OSCAR_PG_PORT", String.valueOf(postgres.port()));
    env.put("OSCAR_PG_USER", PostgresProcess.USER);
    env.put("OSCAR_PG_PASSWORD", postgres.password());
    env.put("OSCAR_AGENCIES_FILE", agenciesFile.toString());
    Path key = Files.createTempFile("identity", ".key");
    byte[] random = new byte[32];
    new java.security.SecureRandom().nextBytes(random);
    Files.writeString(key, java.util.Base64.getEncoder().encodeToString(random));
    env.put("OSCAR_IDENTITY_KEY_FILE", key.toString());
    startApi();
    return this;
  }

  /** Starts the API and waits until its register is ready. */
  void startApi() throws Exception {
    vertx = Vertx.vertx();
    int port =
        AlertApiServer.overRedis(vertx, ApiConfig.from(env)).start().await(60, TimeUnit.SECONDS);
    base = "http://127.0.0.1:" + port;
    CaseApiClient job = job();
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> job.get("/api/v1/case-forms").status() == 200);
  }

  /**
   * The API as a process of its own, on the same stores and port, so that a test can SIGKILL it
   * ({@code destroyForcibly}); returns once its register is ready. Stop this JVM's API first.
   */
  Process startApiProcess() throws Exception {
    Process api =
        org.oscar.testkit.JvmProcess.start(
            "org.oscar.alert.AlertApiMain",
            environment(),
            Files.createTempFile("alert-api", ".log"));
    CaseApiClient job = job();
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .until(() -> job.get("/api/v1/case-forms").status() == 200);
    return api;
  }

  /** Stops the API as an operator would (its sends in flight are cut off). */
  void stopApi() throws Exception {
    vertx.close().await(20, TimeUnit.SECONDS);
  }

  /** The API's settings, for a second API process on the same stores. */
  Map<String, String> environment() {
    return Map.copyOf(env);
  }

  /** SIGKILLs PostgreSQL, as a machine losing power would. */
  void killDatabase() {
    postgres.kill();
  }

  /** Starts the killed PostgreSQL again on its data and port. */
  void startDatabase() {
    postgres.start();
  }

  /** The register's database itself, for what only a look at the rows can show. */
  java.sql.Connection database() throws java.sql.SQLException {
    return java.sql.DriverManager.getConnection(
        postgres.jdbcUrl(), PostgresProcess.USER, postgres.password());
  }

  String base() {
    return base;
  }

  CaseApiClient job() {
    return CaseApiClient.service(base, TOKEN);
  }

  CaseApiClient login(String username) throws Exception {
    return CaseApiClient.login(base, username);
  }

  @Override
  public void close() throws Exception {
    if (vertx != null) {
      vertx.close().await(20, TimeUnit.SECONDS);
    }
    if (redis != null) {
      redis.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }
}
