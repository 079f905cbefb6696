package org.oscar.stream.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.oscar.contract.config.Settings;
import org.oscar.contract.config.Settings.Option;
import org.oscar.contract.region.RegionCatalog;

/**
 * The stream job's settings, from environment variables (each has a local default except the
 * alert-API token, which is a secret and must be given). {@link #describe()} lists them all; a bad
 * value stops the job at start-up with every problem named at once.
 */
public record JobConfig(
    String mqttUrl,
    String mqttUser,
    String mqttPassword,
    String mqttClientId,
    List<String> uplinkBrokers,
    int mqttReaders,
    String redisHost,
    int redisPort,
    String redisPassword,
    String alertApiUrl,
    String alertApiToken,
    Path scenario,
    Duration checkpointInterval,
    String regionsDir,
    Duration regionsReload,
    String deviceDirectory,
    int metricsPort,
    String checkpointDir,
    boolean caseIntake) {

  public static final String DIRECTORY_REGISTRY = "registry";
  public static final String DIRECTORY_SCENARIO = "scenario";

  public static final List<Option> OPTIONS =
      List.of(
          new Option("OSCAR_MQTT_URL", "tcp://127.0.0.1:1883", "broker for uplink and downlink"),
          new Option("OSCAR_MQTT_USER", "", "pipeline's broker user (empty: anonymous)"),
          new Option("OSCAR_MQTT_PASSWORD", "", "pipeline's broker password"),
          new Option(
              "OSCAR_MQTT_CLIENT_ID",
              "oscar-pipeline",
              "client id of the uplink session (fixed: the broker keeps the session); with"
                  + " several readers, reader r's is <id>-r<r> and the share group is <id>"),
          new Option(
              "OSCAR_MQTT_UPLINK_BROKERS",
              "",
              "comma-separated tcp:// or ssl:// URLs of the brokers devices publish to, for a"
                  + " fleet sharded by region (empty: OSCAR_MQTT_URL alone)"),
          new Option(
              "OSCAR_MQTT_READERS",
              "2",
              "uplink readers per broker, each its own persistent session in a shared"
                  + " subscription ($share/<client id>/…); match the job's parallelism. 1: one"
                  + " plain subscription. Changing it clears the other count's sessions at start"
                  + " (docs/guarantees.md)"),
          new Option("OSCAR_REDIS_HOST", "127.0.0.1", "Redis for live state"),
          new Option("OSCAR_REDIS_PORT", "6379", "Redis port"),
          new Option("OSCAR_REDIS_PASSWORD", "", "Redis password (empty: none)"),
          new Option("OSCAR_ALERT_API_URL", "http://127.0.0.1:8080", "alert API base URL"),
          new Option(
              "OSCAR_ALERT_API_TOKEN", null, "token the job presents to the alert API (secret)"),
          new Option(
              "OSCAR_DEVICE_DIRECTORY",
              DIRECTORY_REGISTRY,
              "where devices are looked up: 'registry' (Redis, written by oscar devices) or"
                  + " 'scenario' (the OSCAR_SCENARIO file, no registry)"),
          new Option(
              "OSCAR_SCENARIO",
              "deploy/local/scenario/bhubaneswar-demo.json",
              "scenario file, with OSCAR_DEVICE_DIRECTORY=scenario"),
          new Option("OSCAR_CHECKPOINT_INTERVAL_MS", "10000", "Flink checkpoint interval"),
          new Option(
              "OSCAR_CHECKPOINT_DIR",
              "checkpoints",
              "directory checkpoints are kept in and resumed from when the process starts again"
                  + " (empty: in memory only, lost with the process)"),
          new Option(
              "OSCAR_METRICS_PORT",
              "9249",
              "Prometheus /metrics of the embedded MiniCluster (0: off); on a Flink cluster"
                  + " configure Flink's Prometheus reporter instead"),
          new Option(
              "OSCAR_REGIONS_DIR",
              "regions",
              "folder of region bundles (regions/README.md), read at start-up and on every change;"
                  + " a region without a bundle is refused"),
          new Option(
              "OSCAR_REGIONS_RELOAD_S",
              "10",
              "how often the operators look for changed region bundles, in seconds"),
          new Option(
              "OSCAR_CASE_INTAKE",
              "on",
              "'on': every incident goes to the alert API's case register (docs/cases.md);"
                  + " 'off' only where the API keeps no register"));

  public static JobConfig fromEnvironment() {
    return from(System.getenv());
  }

  public static JobConfig from(Map<String, String> env) {
    Settings s = settings(env);
    String mqttUrl = s.get("OSCAR_MQTT_URL");
    if (!mqttUrl.startsWith("tcp://") && !mqttUrl.startsWith("ssl://")) {
      s.problem("OSCAR_MQTT_URL must start with tcp:// or ssl://");
    }
    List<String> uplinkBrokers =
        s.get("OSCAR_MQTT_UPLINK_BROKERS").isBlank()
            ? List.of(mqttUrl)
            : java.util.Arrays.stream(s.get("OSCAR_MQTT_UPLINK_BROKERS").split(","))
                .map(String::trim)
                .filter(u -> !u.isEmpty())
                .toList();
    for (String broker : uplinkBrokers) {
      if (!broker.startsWith("tcp://") && !broker.startsWith("ssl://")) {
        s.problem("OSCAR_MQTT_UPLINK_BROKERS: " + broker + " must start with tcp:// or ssl://");
      }
    }
    int readers = s.positiveInt("OSCAR_MQTT_READERS");
    if (readers
        > org.oscar.stream.connector.mqtt.source.split.MqttSubscriptionPlan
            .MAX_READERS_PER_BROKER) {
      s.problem("OSCAR_MQTT_READERS must be at most 64");
    }
    String apiUrl = s.httpUrl("OSCAR_ALERT_API_URL", false);
    String deviceDirectory = s.get("OSCAR_DEVICE_DIRECTORY");
    Path scenario = Path.of(s.get("OSCAR_SCENARIO"));
    if (DIRECTORY_SCENARIO.equals(deviceDirectory)) {
      if (!Files.isReadable(scenario)) {
        s.problem("OSCAR_SCENARIO: cannot read " + scenario.toAbsolutePath());
      }
    } else if (!DIRECTORY_REGISTRY.equals(deviceDirectory)) {
      s.problem("OSCAR_DEVICE_DIRECTORY must be 'registry' or 'scenario'");
    }
    // Absolute: the operators read it wherever they run, not where the job was submitted from.
    String regionsDir = Path.of(s.get("OSCAR_REGIONS_DIR")).toAbsolutePath().toString();
    RegionCatalog.Result regions = RegionCatalog.load(Path.of(regionsDir));
    regions.problems().forEach(p -> s.problem("OSCAR_REGIONS_DIR: " + p));
    int regionsReloadS = s.positiveInt("OSCAR_REGIONS_RELOAD_S");
    String caseIntake = s.get("OSCAR_CASE_INTAKE");
    if (!"on".equals(caseIntake) && !"off".equals(caseIntake)) {
      s.problem("OSCAR_CASE_INTAKE must be 'on' or 'off'");
    }
    JobConfig config =
        new JobConfig(
            mqttUrl,
            s.get("OSCAR_MQTT_USER"),
            s.get("OSCAR_MQTT_PASSWORD"),
            s.get("OSCAR_MQTT_CLIENT_ID"),
            uplinkBrokers,
            readers,
            s.get("OSCAR_REDIS_HOST"),
            s.port("OSCAR_REDIS_PORT", false),
            s.get("OSCAR_REDIS_PASSWORD"),
            apiUrl,
            s.required("OSCAR_ALERT_API_TOKEN", 16),
            scenario,
            Duration.ofMillis(s.positiveInt("OSCAR_CHECKPOINT_INTERVAL_MS")),
            regionsDir,
            Duration.ofSeconds(regionsReloadS),
            deviceDirectory,
            s.port("OSCAR_METRICS_PORT", true),
            s.get("OSCAR_CHECKPOINT_DIR"),
            "on".equals(caseIntake));
    s.validate();
    return config;
  }

  public static String describe() {
    return settings(Map.of()).describe();
  }

  private static Settings settings(Map<String, String> env) {
    return new Settings("stream job settings", OPTIONS, env);
  }

  @Override
  public String toString() {
    return "JobConfig[mqtt="
        + mqttUrl
        + ", redis="
        + redisHost
        + ":"
        + redisPort
        + ", alertApi="
        + alertApiUrl
        + ", scenario="
        + scenario
        + "]";
  }
}
