package org.oscar.contract.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed reading of a component's environment-variable settings. Each option has a documented
 * default (null: required); problems are collected so that start-up names every bad setting at
 * once, followed by the list of all options.
 */
public final class Settings {
  /** One setting: its variable, its default (null if it must be given) and what it means. */
  public record Option(String name, String defaultValue, String meaning) {}

  private final String title;
  private final List<Option> options;
  private final Map<String, String> env;
  private final List<String> problems = new ArrayList<>();

  public Settings(String title, List<Option> options, Map<String, String> env) {
    this.title = title;
    this.options = List.copyOf(options);
    this.env = env;
  }

  public String get(String name) {
    String v = env.get(name);
    return v != null ? v : option(name).defaultValue();
  }

  /** A secret or other value that must be given and be at least {@code minLength} long. */
  public String required(String name, int minLength) {
    String v = get(name);
    if (v == null || v.length() < minLength) {
      problem(name + " must be set (" + minLength + "+ characters)");
    }
    return v;
  }

  /** An http(s) URL; empty allowed only if {@code optional} (a feature that is off). */
  public String httpUrl(String name, boolean optional) {
    String v = get(name);
    if (optional && (v == null || v.isEmpty())) {
      return "";
    }
    try {
      String scheme = java.net.URI.create(v).getScheme();
      if (!"http".equals(scheme) && !"https".equals(scheme)) {
        problem(name + " must be an http(s) URL");
      }
    } catch (IllegalArgumentException | NullPointerException e) {
      problem(name + " is not a URL");
    }
    return v;
  }

  public int positiveInt(String name) {
    return intIn(name, 1, Integer.MAX_VALUE, "a positive integer");
  }

  public int port(String name, boolean anyFreePortAllowed) {
    return intIn(name, anyFreePortAllowed ? 0 : 1, 65_535, "a port number");
  }

  private int intIn(String name, int min, int max, String what) {
    String value = get(name);
    try {
      int v = Integer.parseInt(value.trim());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException | NullPointerException e) {
      // reported below
    }
    problem(name + " must be " + what + ", not '" + value + "'");
    return min;
  }

  public void problem(String description) {
    problems.add(description);
  }

  /** Throws with every problem found so far and the list of options, if there is any problem. */
  public void validate() {
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid configuration:\n  " + String.join("\n  ", problems) + "\n" + describe());
    }
  }

  public String describe() {
    StringBuilder sb = new StringBuilder(title).append(" (environment variables):\n");
    for (Option o : options) {
      sb.append(
          String.format(
              "  %-30s %s (default: %s)%n",
              o.name(), o.meaning(), o.defaultValue() == null ? "none" : o.defaultValue()));
    }
    return sb.toString();
  }

  private Option option(String name) {
    return options.stream()
        .filter(o -> o.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("undeclared setting " + name));
  }
}
