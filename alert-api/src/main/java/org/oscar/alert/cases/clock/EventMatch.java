package org.oscar.alert.cases.clock;

import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * Which recorded events a clock listens for: an event type, or an event type with one of some
 * values in one field, written {@code FIR_STATUS:status=CHARGESHEET_FILED|CLOSED}.
 */
public record EventMatch(String type, String field, Set<String> values) {
  public EventMatch {
    values = values == null ? Set.of() : Set.copyOf(values);
  }

  public static EventMatch parse(String text) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      return new EventMatch(text, null, Set.of());
    }
    String condition = text.substring(colon + 1);
    int eq = condition.indexOf('=');
    if (eq < 1 || eq == condition.length() - 1) {
      throw new IllegalArgumentException("'" + text + "' must be TYPE or TYPE:field=VALUE|VALUE");
    }
    return new EventMatch(
        text.substring(0, colon),
        condition.substring(0, eq),
        Set.of(condition.substring(eq + 1).split("\\|")));
  }

  public boolean matches(String eventType, JsonObject data) {
    if (!type.equals(eventType)) {
      return false;
    }
    return field == null || (data != null && values.contains(String.valueOf(data.getValue(field))));
  }

  @Override
  public String toString() {
    return field == null ? type : type + ":" + field + "=" + String.join("|", values);
  }
}
