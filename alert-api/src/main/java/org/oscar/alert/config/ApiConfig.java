package org.oscar.alert.config;

import java.util.List;
import java.util.Map;
import org.oscar.contract.config.Settings;
import org.oscar.contract.config.Settings.Option;

/**
 * Alert API settings from environment variables. Every option has a local default except the API
 * token, a secret that must be given ({@code deploy/local/run.sh} generates one per run).
 */
public record ApiConfig(
    String host, int port, String redisHost, int redisPort, String redisPassword, String token) {

  static final List<Option> OPTIONS =
      List.of(
          new Option("OSCAR_API_HOST", "127.0.0.1", "address the API listens on"),
          new Option("OSCAR_API_PORT", "8080", "port the API listens on (0: any free port)"),
          new Option("OSCAR_REDIS_HOST", "127.0.0.1", "Redis holding live state and notifications"),
          new Option("OSCAR_REDIS_PORT", "6379", "Redis port"),
          new Option("OSCAR_REDIS_PASSWORD", "", "Redis password (empty: none)"),
          new Option(
              "OSCAR_API_TOKEN", null, "bearer token callers must present (required, secret)"));

  public static ApiConfig from(Map<String, String> env) {
    Settings s = settings(env);
    ApiConfig config =
        new ApiConfig(
            s.get("OSCAR_API_HOST"),
            s.port("OSCAR_API_PORT", true),
            s.get("OSCAR_REDIS_HOST"),
            s.port("OSCAR_REDIS_PORT", false),
            s.get("OSCAR_REDIS_PASSWORD"),
            s.required("OSCAR_API_TOKEN", 16));
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
    return "ApiConfig[" + host + ":" + port + ", redis=" + redisHost + ":" + redisPort + "]";
  }
}
