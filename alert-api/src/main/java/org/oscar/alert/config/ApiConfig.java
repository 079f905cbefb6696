package org.oscar.alert.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Alert API settings from environment variables. Every option has a local default except the API
 * token, a secret that must be given ({@code deploy/local/run.sh} generates one per run).
 */
public record ApiConfig(
    String host, int port, String redisHost, int redisPort, String redisPassword, String token) {

  static final String[][] OPTIONS = {
    {"OSCAR_API_HOST", "127.0.0.1", "address the API listens on"},
    {"OSCAR_API_PORT", "8080", "port the API listens on (0: any free port)"},
    {"OSCAR_REDIS_HOST", "127.0.0.1", "Redis holding live state and notifications"},
    {"OSCAR_REDIS_PORT", "6379", "Redis port"},
    {"OSCAR_REDIS_PASSWORD", "", "Redis password (empty: none)"},
    {"OSCAR_API_TOKEN", null, "bearer token callers must present (required, secret, 16+ chars)"},
  };

  public static ApiConfig from(Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    int port = port(value(env, "OSCAR_API_PORT"), "OSCAR_API_PORT", problems, true);
    int redisPort = port(value(env, "OSCAR_REDIS_PORT"), "OSCAR_REDIS_PORT", problems, false);
    String token = value(env, "OSCAR_API_TOKEN");
    if (token == null || token.length() < 16) {
      problems.add("OSCAR_API_TOKEN must be set (16+ characters)");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid configuration:\n  " + String.join("\n  ", problems) + "\n" + describe());
    }
    return new ApiConfig(
        value(env, "OSCAR_API_HOST"),
        port,
        value(env, "OSCAR_REDIS_HOST"),
        redisPort,
        value(env, "OSCAR_REDIS_PASSWORD"),
        token);
  }

  private static String value(Map<String, String> env, String name) {
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
  }

  private static int port(String value, String name, List<String> problems, boolean zeroOk) {
    try {
      int p = Integer.parseInt(value.trim());
      if (p <= 65535 && (p > 0 || (zeroOk && p == 0))) {
        return p;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(name + " must be a port number, not '" + value + "'");
    return 0;
  }

  public static String describe() {
    StringBuilder sb = new StringBuilder("alert API settings (environment variables):\n");
    for (String[] o : OPTIONS) {
      sb.append(
          String.format("  %-22s %s (default: %s)%n", o[0], o[2], o[1] == null ? "none" : o[1]));
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return "ApiConfig[" + host + ":" + port + ", redis=" + redisHost + ":" + redisPort + "]";
  }
}
