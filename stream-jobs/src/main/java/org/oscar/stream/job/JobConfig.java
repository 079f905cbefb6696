package org.oscar.stream.job;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
    String redisHost,
    int redisPort,
    String redisPassword,
    String alertApiUrl,
    String alertApiToken,
    Path scenario,
    Duration checkpointInterval,
    Duration ackTimeout) {

  /** name, default, meaning. */
  static final String[][] OPTIONS = {
    {
      "OSCAR_MQTT_URL",
      "tcp://127.0.0.1:1883",
      "broker the pipeline reads uplink from and publishes downlink to"
    },
    {"OSCAR_MQTT_USER", "", "pipeline's broker user (empty: anonymous)"},
    {"OSCAR_MQTT_PASSWORD", "", "pipeline's broker password"},
    {
      "OSCAR_MQTT_CLIENT_ID",
      "oscar-pipeline",
      "client id of the uplink session (fixed: the broker keeps the session)"
    },
    {"OSCAR_REDIS_HOST", "127.0.0.1", "Redis for live state"},
    {"OSCAR_REDIS_PORT", "6379", "Redis port"},
    {"OSCAR_REDIS_PASSWORD", "", "Redis password (empty: none)"},
    {"OSCAR_ALERT_API_URL", "http://127.0.0.1:8080", "alert API base URL"},
    {
      "OSCAR_ALERT_API_TOKEN",
      null,
      "service token the job presents to the alert API (required, secret)"
    },
    {
      "OSCAR_SCENARIO",
      "deploy/local/scenario/bhubaneswar-demo.json",
      "scenario file: region and provisioned devices"
    },
    {"OSCAR_CHECKPOINT_INTERVAL_MS", "10000", "Flink checkpoint interval"},
    {"OSCAR_ACK_TIMEOUT_S", "60", "how long a unit has to acknowledge a task (ackBy)"},
  };

  public static JobConfig fromEnvironment() {
    return from(System.getenv());
  }

  public static JobConfig from(Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    Function<String, String> get =
        name -> {
          String v = env.get(name);
          if (v != null) {
            return v;
          }
          for (String[] o : OPTIONS) {
            if (o[0].equals(name)) {
              return o[1];
            }
          }
          throw new IllegalArgumentException(name);
        };
    String mqttUrl = get.apply("OSCAR_MQTT_URL");
    if (!mqttUrl.startsWith("tcp://") && !mqttUrl.startsWith("ssl://")) {
      problems.add("OSCAR_MQTT_URL must start with tcp:// or ssl://");
    }
    String apiUrl = get.apply("OSCAR_ALERT_API_URL");
    try {
      URI u = URI.create(apiUrl);
      if (u.getScheme() == null || !u.getScheme().startsWith("http")) {
        problems.add("OSCAR_ALERT_API_URL must be an http(s) URL");
      }
    } catch (IllegalArgumentException e) {
      problems.add("OSCAR_ALERT_API_URL is not a URL");
    }
    String token = get.apply("OSCAR_ALERT_API_TOKEN");
    if (token == null || token.length() < 16) {
      problems.add(
          "OSCAR_ALERT_API_TOKEN must be set (16+ characters); deploy/local/run.sh makes one");
    }
    Path scenario = Path.of(get.apply("OSCAR_SCENARIO"));
    if (!Files.isReadable(scenario)) {
      problems.add("OSCAR_SCENARIO: cannot read " + scenario.toAbsolutePath());
    }
    int redisPort = positiveInt(get.apply("OSCAR_REDIS_PORT"), "OSCAR_REDIS_PORT", problems);
    int checkpointMs =
        positiveInt(
            get.apply("OSCAR_CHECKPOINT_INTERVAL_MS"), "OSCAR_CHECKPOINT_INTERVAL_MS", problems);
    int ackS = positiveInt(get.apply("OSCAR_ACK_TIMEOUT_S"), "OSCAR_ACK_TIMEOUT_S", problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid configuration:\n  " + String.join("\n  ", problems) + "\n" + describe());
    }
    return new JobConfig(
        mqttUrl,
        get.apply("OSCAR_MQTT_USER"),
        get.apply("OSCAR_MQTT_PASSWORD"),
        get.apply("OSCAR_MQTT_CLIENT_ID"),
        get.apply("OSCAR_REDIS_HOST"),
        redisPort,
        get.apply("OSCAR_REDIS_PASSWORD"),
        apiUrl,
        token,
        scenario,
        Duration.ofMillis(checkpointMs),
        Duration.ofSeconds(ackS));
  }

  private static int positiveInt(String value, String name, List<String> problems) {
    try {
      int v = Integer.parseInt(value.trim());
      if (v > 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(name + " must be a positive integer, not '" + value + "'");
    return 1;
  }

  public static String describe() {
    StringBuilder sb = new StringBuilder("stream job settings (environment variables):\n");
    for (String[] o : OPTIONS) {
      sb.append(
          String.format("  %-30s %s (default: %s)%n", o[0], o[2], o[1] == null ? "none" : o[1]));
    }
    return sb.toString();
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
