package org.oscar.alert.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.oscar.alert.cases.clock.ClockPolicy;
import org.oscar.alert.cases.privacy.IdentityCipher;
import org.oscar.alert.cases.store.CaseDatabase;
import org.oscar.contract.config.Settings;
import org.oscar.contract.config.Settings.Option;
import org.oscar.contract.region.RegionCatalog;

/**
 * Alert API settings from environment variables. Every option has a local default except the API
 * token, a secret that must be given ({@code deploy/local/run.sh} generates one per run). A channel
 * whose endpoint is empty is off.
 */
public record ApiConfig(
    String host,
    int port,
    String redisHost,
    int redisPort,
    String redisPassword,
    String token,
    String usersFile,
    String jwtSecret,
    String publicUrl,
    String mqttUrl,
    String mqttUser,
    String mqttPassword,
    String officialsFile,
    String smsWebhookUrl,
    String smsApiKey,
    String smsReceiptToken,
    String smtpHost,
    int smtpPort,
    String smtpFrom,
    String smtpUser,
    String smtpPassword,
    int deliveryMaxAttempts,
    int deliveryBackoffMs,
    int deliveryLeaseMs,
    int deliveryPollMs,
    int purgeAfterDays,
    int purgeEveryMs,
    CaseDatabase cases,
    int casePoolSize,
    String agenciesFile,
    String identityKeyFile,
    String clockPolicyFile,
    int clockPollMs,
    MapTiles mapTiles,
    int responderBridgeLimit,
    String regionsDir) {

  /**
   * A tile server the control room's map draws under its own layers, or none ({@code url} empty):
   * the jurisdictions, units and incidents alone make the map, so a closed network needs none.
   */
  public record MapTiles(String url, String attribution) {
    public boolean isSet() {
      return !url.isEmpty();
    }
  }

  public static final List<Option> OPTIONS =
      List.of(
          new Option("OSCAR_API_HOST", "127.0.0.1", "address the API listens on"),
          new Option("OSCAR_API_PORT", "8080", "port the API listens on (0: any free port)"),
          new Option("OSCAR_REDIS_HOST", "127.0.0.1", "Redis holding live state and notifications"),
          new Option("OSCAR_REDIS_PORT", "6379", "Redis port"),
          new Option("OSCAR_REDIS_PASSWORD", "", "Redis password (empty: none)"),
          new Option(
              "OSCAR_API_TOKEN", null, "bearer token callers must present (required, secret)"),
          new Option(
              "OSCAR_USERS_FILE",
              "",
              "JSON list of control-room logins {username, passwordHash, district, regions}"),
          new Option(
              "OSCAR_JWT_SECRET",
              "",
              "key signing login tokens, 32+ characters (secret; empty: a random one per start)"),
          new Option(
              "OSCAR_PUBLIC_URL",
              "http://127.0.0.1:8080",
              "where officials and the SMS gateway reach this API (case links, receipts)"),
          new Option(
              "OSCAR_MQTT_URL",
              "",
              "broker the control room's overrides are published to (empty: overrides off)"),
          new Option("OSCAR_MQTT_USER", "", "the API's broker user (empty: anonymous)"),
          new Option("OSCAR_MQTT_PASSWORD", "", "the API's broker password (secret)"),
          new Option(
              "OSCAR_OFFICIALS_FILE",
              "",
              "JSON: post (e.g. 'SHO:Capital Police Station') -> {name, phone, email}; empty: none"),
          new Option("OSCAR_SMS_WEBHOOK_URL", "", "SMS gateway endpoint (empty: no SMS)"),
          new Option("OSCAR_SMS_API_KEY", "", "bearer key for the SMS gateway (secret)"),
          new Option(
              "OSCAR_SMS_RECEIPT_TOKEN",
              "",
              "token the SMS gateway presents on delivery reports (secret; empty: hook off)"),
          new Option("OSCAR_SMTP_HOST", "", "SMTP server for e-mail (empty: no e-mail)"),
          new Option("OSCAR_SMTP_PORT", "25", "SMTP port"),
          new Option("OSCAR_SMTP_FROM", "oscar-alerts@localhost", "sender address of alerts"),
          new Option("OSCAR_SMTP_USER", "", "SMTP user (empty: no login)"),
          new Option("OSCAR_SMTP_PASSWORD", "", "SMTP password (secret)"),
          new Option("OSCAR_DELIVERY_MAX_ATTEMPTS", "10", "attempts per delivery before FAILED"),
          new Option("OSCAR_DELIVERY_BACKOFF_MS", "1000", "first retry delay; doubles, max 60 s"),
          new Option(
              "OSCAR_DELIVERY_LEASE_MS",
              "30000",
              "how long a claimed delivery is held before another attempt may take it"),
          new Option("OSCAR_DELIVERY_POLL_MS", "500", "how often the outbox is looked at"),
          new Option(
              "OSCAR_PURGE_AFTER_DAYS",
              "30",
              "days after a case ends that the survivor's position is purged from live state"),
          new Option("OSCAR_PURGE_EVERY_MS", "3600000", "how often closed cases are swept"),
          new Option(
              "OSCAR_PG_HOST",
              "",
              "PostgreSQL holding the case register (empty: no case register)"),
          new Option("OSCAR_PG_PORT", "5432", "PostgreSQL port"),
          new Option("OSCAR_PG_DATABASE", "oscar", "the case register's database"),
          new Option("OSCAR_PG_USER", "oscar", "PostgreSQL user"),
          new Option("OSCAR_PG_PASSWORD", "", "PostgreSQL password (secret)"),
          new Option("OSCAR_PG_POOL_SIZE", "16", "connections to PostgreSQL"),
          new Option(
              "OSCAR_AGENCIES_FILE",
              "",
              "JSON list of agencies {id, kind, district, name, post} put in the register at start"),
          new Option(
              "OSCAR_IDENTITY_KEY_FILE",
              "",
              "file holding the key (base64 of 32 bytes, secret) her identity is encrypted with;"
                  + " empty: her identity cannot be recorded"),
          new Option(
              "OSCAR_CLOCK_POLICY_FILE",
              "",
              "the state's legal-clock policy (JSON; empty: the bundled Odisha policy)"),
          new Option(
              "OSCAR_CLOCK_POLL_MS", "5000", "how often due clock steps are looked for (ms)"),
          new Option(
              "OSCAR_MAP_TILE_URL",
              "",
              "tile server for the control room's map, http(s)://…/{z}/{x}/{y}… (empty: none)"),
          new Option(
              "OSCAR_MAP_TILE_ATTRIBUTION",
              "",
              "the tiles' attribution shown on the map (required with OSCAR_MAP_TILE_URL)"),
          new Option(
              "OSCAR_RESPONDER_BRIDGE_LIMIT",
              "200",
              "most responder pages bridged to the broker (OSCAR_MQTT_URL) at once, on /mqtt"),
          new Option(
              "OSCAR_REGIONS_DIR",
              "regions",
              "folder of region bundles (regions/README.md): facilities, areas and officials'"
                  + " contacts of each region, re-read when it changes"));

  public static ApiConfig from(Map<String, String> env) {
    Settings s = settings(env);
    String publicUrl = s.httpUrl("OSCAR_PUBLIC_URL", false);
    String sms = s.httpUrl("OSCAR_SMS_WEBHOOK_URL", true);
    String mqttUrl = s.get("OSCAR_MQTT_URL");
    if (!mqttUrl.isEmpty() && !mqttUrl.startsWith("tcp://") && !mqttUrl.startsWith("ssl://")) {
      s.problem("OSCAR_MQTT_URL must start with tcp:// or ssl://");
    }
    String users = s.get("OSCAR_USERS_FILE");
    if (!users.isEmpty() && !Files.isReadable(Path.of(users))) {
      s.problem("OSCAR_USERS_FILE: cannot read " + users);
    }
    String jwtSecret = s.get("OSCAR_JWT_SECRET");
    if (!jwtSecret.isEmpty() && jwtSecret.length() < 32) {
      s.problem("OSCAR_JWT_SECRET must be 32+ characters");
    }
    String officials = s.get("OSCAR_OFFICIALS_FILE");
    if (!officials.isEmpty() && !Files.isReadable(Path.of(officials))) {
      s.problem("OSCAR_OFFICIALS_FILE: cannot read " + officials);
    }
    int lease = s.positiveInt("OSCAR_DELIVERY_LEASE_MS");
    if (lease <= 10_000) {
      // A channel may take up to 10 s; a shorter lease would let a second attempt race the first.
      s.problem("OSCAR_DELIVERY_LEASE_MS must be over 10000 (the channels' timeout)");
    }
    String agencies = s.get("OSCAR_AGENCIES_FILE");
    if (!agencies.isEmpty() && !Files.isReadable(Path.of(agencies))) {
      s.problem("OSCAR_AGENCIES_FILE: cannot read " + agencies);
    }
    String identityKey = s.get("OSCAR_IDENTITY_KEY_FILE");
    if (!identityKey.isEmpty()) {
      try {
        IdentityCipher.fromFile(Path.of(identityKey));
      } catch (RuntimeException e) {
        s.problem("OSCAR_IDENTITY_KEY_FILE: " + e.getMessage());
      }
    }
    String clockPolicy = s.get("OSCAR_CLOCK_POLICY_FILE");
    try {
      if (clockPolicy.isEmpty()) {
        ClockPolicy.bundled();
      } else {
        ClockPolicy.load(Path.of(clockPolicy));
      }
    } catch (RuntimeException e) {
      s.problem("OSCAR_CLOCK_POLICY_FILE: " + e.getMessage());
    }
    int clockPoll = s.positiveInt("OSCAR_CLOCK_POLL_MS");
    if (clockPoll > 30_000) {
      // A step must go out within a minute of its time.
      s.problem("OSCAR_CLOCK_POLL_MS must be at most 30000");
    }
    MapTiles tiles = new MapTiles(s.get("OSCAR_MAP_TILE_URL"), s.get("OSCAR_MAP_TILE_ATTRIBUTION"));
    if (tiles.isSet()) {
      if (!tiles.url().matches("https?://\\S+")
          || !tiles.url().contains("{z}")
          || !tiles.url().contains("{x}")
          || !tiles.url().contains("{y}")) {
        s.problem("OSCAR_MAP_TILE_URL must be an http(s) URL with {z}, {x} and {y}");
      }
      if (tiles.attribution().isBlank()) {
        s.problem("OSCAR_MAP_TILE_ATTRIBUTION is required with OSCAR_MAP_TILE_URL");
      }
    }
    String regionsDir = Path.of(s.get("OSCAR_REGIONS_DIR")).toAbsolutePath().toString();
    RegionCatalog.load(Path.of(regionsDir))
        .problems()
        .forEach(p -> s.problem("OSCAR_REGIONS_DIR: " + p));
    String pgHost = s.get("OSCAR_PG_HOST");
    CaseDatabase cases =
        pgHost.isEmpty()
            ? null
            : new CaseDatabase(
                pgHost,
                s.port("OSCAR_PG_PORT", false),
                s.get("OSCAR_PG_DATABASE"),
                s.get("OSCAR_PG_USER"),
                s.get("OSCAR_PG_PASSWORD"));
    ApiConfig config =
        new ApiConfig(
            s.get("OSCAR_API_HOST"),
            s.port("OSCAR_API_PORT", true),
            s.get("OSCAR_REDIS_HOST"),
            s.port("OSCAR_REDIS_PORT", false),
            s.get("OSCAR_REDIS_PASSWORD"),
            s.required("OSCAR_API_TOKEN", 16),
            users,
            jwtSecret,
            publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl,
            mqttUrl,
            s.get("OSCAR_MQTT_USER"),
            s.get("OSCAR_MQTT_PASSWORD"),
            officials,
            sms,
            s.get("OSCAR_SMS_API_KEY"),
            s.get("OSCAR_SMS_RECEIPT_TOKEN"),
            s.get("OSCAR_SMTP_HOST"),
            s.port("OSCAR_SMTP_PORT", false),
            s.get("OSCAR_SMTP_FROM"),
            s.get("OSCAR_SMTP_USER"),
            s.get("OSCAR_SMTP_PASSWORD"),
            s.positiveInt("OSCAR_DELIVERY_MAX_ATTEMPTS"),
            s.positiveInt("OSCAR_DELIVERY_BACKOFF_MS"),
            lease,
            s.positiveInt("OSCAR_DELIVERY_POLL_MS"),
            s.positiveInt("OSCAR_PURGE_AFTER_DAYS"),
            s.positiveInt("OSCAR_PURGE_EVERY_MS"),
            cases,
            s.positiveInt("OSCAR_PG_POOL_SIZE"),
            agencies,
            identityKey,
            clockPolicy,
            clockPoll,
            tiles,
            s.positiveInt("OSCAR_RESPONDER_BRIDGE_LIMIT"),
            regionsDir);
    s.validate();
    return config;
  }

  public static String describe() {
    return settings(Map.of()).describe();
  }

  private static Settings settings(Map<String, String> env) {
    return new Settings("alert API settings", OPTIONS, env);
  }

  @Override
  public String toString() {
    return "ApiConfig["
        + host
        + ":"
        + port
        + ", redis="
        + redisHost
        + ":"
        + redisPort
        + ", sms="
        + (smsWebhookUrl.isEmpty() ? "off" : smsWebhookUrl)
        + ", smtp="
        + (smtpHost.isEmpty() ? "off" : smtpHost + ":" + smtpPort)
        + ", cases="
        + (cases == null ? "off" : cases)
        + "]";
  }
}
