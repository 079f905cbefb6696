package org.oscar.alert.cases.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.oscar.alert.cases.CaseProblem;

/** Reading a case request's body: every problem names its field (a 400), nothing is guessed. */
final class CaseRequests {
  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");

  /** A device's or browser's clock may run a little ahead; more than this is a wrong time. */
  private static final Duration SKEW = Duration.ofMinutes(5);

  private CaseRequests() {}

  static JsonObject body(io.vertx.ext.web.RoutingContext ctx) {
    try {
      JsonObject body = ctx.body().asJsonObject();
      if (body == null) {
        throw CaseProblem.invalid("body", "must be a JSON object");
      }
      return body;
    } catch (RuntimeException e) {
      if (e instanceof CaseProblem p) {
        throw p;
      }
      throw CaseProblem.invalid("body", "must be a JSON object");
    }
  }

  static String requestId(JsonObject body) {
    Object v = body.getValue("requestId");
    if (!(v instanceof String s) || !REQUEST_ID.matcher(s).matches()) {
      throw CaseProblem.invalid(
          "requestId", "is required: 8-64 letters, digits, '-' or '_', new for each new request");
    }
    return s;
  }

  static String id(String field, Object value) {
    if (!(value instanceof String s) || !ID.matcher(s).matches()) {
      throw CaseProblem.invalid(field, "must be an id");
    }
    return s;
  }

  static <E extends Enum<E>> E enumValue(
      JsonObject body, String field, Class<E> type, boolean required) {
    return enumOf(field, body.getValue(leaf(field)), type, required);
  }

  static <E extends Enum<E>> E enumOf(String field, Object v, Class<E> type, boolean required) {
    if (v == null) {
      if (required) {
        throw CaseProblem.invalid(field, "is required, one of " + names(type));
      }
      return null;
    }
    if (v instanceof String s) {
      for (E e : type.getEnumConstants()) {
        if (e.name().equals(s)) {
          return e;
        }
      }
    }
    throw CaseProblem.invalid(field, "must be one of " + names(type));
  }

  static <E extends Enum<E>> Set<E> enumSet(JsonObject body, String field, Class<E> type) {
    Object v = body.getValue(field);
    if (v == null) {
      return EnumSet.noneOf(type);
    }
    if (!(v instanceof JsonArray a)) {
      throw CaseProblem.invalid(field, "must be a list of " + names(type));
    }
    Set<E> out = EnumSet.noneOf(type);
    for (Object o : a) {
      out.add(enumOf(field, o, type, true));
    }
    return out;
  }

  static Set<String> ids(JsonObject body, String field) {
    Object v = body.getValue(field);
    if (!(v instanceof JsonArray a) || a.isEmpty() || a.size() > 20) {
      throw CaseProblem.invalid(field, "must be a list of 1 to 20 ids");
    }
    Set<String> out = new LinkedHashSet<>();
    for (Object o : a) {
      out.add(id(field, o));
    }
    return out;
  }

  static int version(JsonObject body) {
    Object v = body.getValue("version");
    if (!(v instanceof Number n) || n.intValue() < 1 || n.doubleValue() != n.intValue()) {
      throw CaseProblem.invalid("version", "is required: the version of the record you edited");
    }
    return n.intValue();
  }

  /** When something happened: an ISO-8601 instant, not in the future; null if not given. */
  static Instant instant(JsonObject body, String field, Instant now) {
    Object v = body.getValue(field);
    if (v == null) {
      return null;
    }
    Instant t;
    try {
      t = Instant.parse(String.valueOf(v));
    } catch (DateTimeParseException e) {
      throw CaseProblem.invalid(field, "must be a time such as 2026-12-01T10:30:00Z");
    }
    if (t.isAfter(now.plus(SKEW))) {
      throw CaseProblem.invalid(field, "is in the future");
    }
    if (t.isBefore(Instant.parse("2000-01-01T00:00:00Z"))) {
      throw CaseProblem.invalid(field, "is before 2000");
    }
    return t;
  }

  /** A true/false field of {@code o}, named by its path (e.g. {@code survivor.minor}). */
  static Boolean flag(JsonObject o, String field) {
    Object v = o.getValue(leaf(field));
    if (v == null) {
      return null;
    }
    if (!(v instanceof Boolean b)) {
      throw CaseProblem.invalid(field, "must be true or false");
    }
    return b;
  }

  static String text(JsonObject body, String field, int max) {
    Object v = body.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s) || s.isBlank() || s.length() > max) {
      throw CaseProblem.invalid(field, "must be text of 1 to " + max + " characters");
    }
    return s.strip();
  }

  static JsonObject object(JsonObject body, String field) {
    Object v = body.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonObject o)) {
      throw CaseProblem.invalid(field, "must be an object");
    }
    return o;
  }

  private static String leaf(String field) {
    int dot = field.lastIndexOf('.');
    return dot < 0 ? field : field.substring(dot + 1);
  }

  private static <E extends Enum<E>> String names(Class<E> type) {
    return Arrays.toString(type.getEnumConstants());
  }

  /** A report's month, India's: YYYY-MM, not in the future; this month when not given. */
  static java.time.YearMonth month(String given) {
    java.time.YearMonth now = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Kolkata"));
    if (given == null) {
      return now;
    }
    try {
      java.time.YearMonth m = java.time.YearMonth.parse(given);
      if (!m.isAfter(now) && m.getYear() >= 2000) {
        return m;
      }
    } catch (RuntimeException e) {
      // answered below
    }
    throw CaseProblem.invalid("month", "must be a month YYYY-MM, not in the future");
  }

  /** How far ahead a board looks: an ISO-8601 duration up to 90 days; a day when not given. */
  static java.time.Duration within(String given) {
    if (given == null) {
      return java.time.Duration.ofDays(1);
    }
    try {
      java.time.Duration d = java.time.Duration.parse(given);
      if (!d.isNegative() && d.compareTo(java.time.Duration.ofDays(90)) <= 0) {
        return d;
      }
    } catch (RuntimeException e) {
      // answered below
    }
    throw CaseProblem.invalid("within", "must be an ISO-8601 duration up to P90D, e.g. PT24H");
  }

  /** A list's {@code overdue} filter: true, false, or not given (false). */
  static boolean overdue(String given) {
    if (given == null || given.equals("false")) {
      return false;
    }
    if (given.equals("true")) {
      return true;
    }
    throw CaseProblem.invalid("overdue", "must be true or false");
  }
}
