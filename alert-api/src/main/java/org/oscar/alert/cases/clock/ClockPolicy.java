package org.oscar.alert.cases.clock;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.oscar.alert.cases.model.CasePart;
import org.oscar.alert.cases.model.CaseType;
import org.oscar.alert.cases.workflow.ServiceEventType;
import org.oscar.contract.alert.OfficialPost;

/**
 * A state's legal clocks, as data: a versioned JSON file (the bundled one is Odisha's, {@code
 * oscar/clocks/odisha.json}; {@code OSCAR_CLOCK_POLICY_FILE} names another). A state whose law or
 * scheme differs changes the file, not the code. Checked whole when it loads: every problem is
 * listed at once, and a policy with any is refused.
 */
public record ClockPolicy(String state, String version, List<ClockDefinition> clocks) {
  /** The posts a clock may remind or escalate to. */
  public static final Set<String> POSTS =
      Set.of(
          "HOSPITAL",
          "POLICE_STATION",
          "DLSA",
          "CWC",
          "PROTECTION_OFFICER",
          "SHAKTI_SADAN",
          "COUNSELLOR",
          OfficialPost.OSC_ADMIN,
          OfficialPost.SP,
          OfficialPost.DM,
          OfficialPost.CMO);

  /** Starts that are not service events: the case turning out to be a child's. */
  public static final String MINOR_FLAGGED = "MINOR_FLAGGED";

  public static final String BUNDLED = "oscar/clocks/odisha.json";

  public ClockPolicy {
    clocks = List.copyOf(clocks);
  }

  public Optional<ClockDefinition> clock(String id) {
    return clocks.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  public static ClockPolicy bundled() {
    try (InputStream in = ClockPolicy.class.getClassLoader().getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("the bundled clock policy " + BUNDLED + " is missing");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUNDLED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ClockPolicy load(Path file) {
    try {
      return parse(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read clock policy " + file, e);
    }
  }

  /** Parses and checks a policy; throws with every problem found, named by clock and field. */
  public static ClockPolicy parse(String json, String origin) {
    JsonObject root;
    try {
      root = new JsonObject(json);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(origin + ": not a JSON object: " + e.getMessage());
    }
    Problems p = new Problems(origin);
    String state = p.text(root, "state", "policy");
    String version = p.text(root, "version", "policy");
    List<ClockDefinition> clocks = new ArrayList<>();
    JsonArray list = root.getValue("clocks") instanceof JsonArray a ? a : null;
    if (list == null || list.isEmpty()) {
      p.add("policy: clocks must be a non-empty list");
    } else {
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < list.size(); i++) {
        if (!(list.getValue(i) instanceof JsonObject c)) {
          p.add("clocks[" + i + "]: not an object");
          continue;
        }
        String where = c.getValue("id") instanceof String s ? s : "clocks[" + i + "]";
        if (!ids.add(where)) {
          p.add(where + ": id is not unique");
        }
        clocks.add(clock(c, where, p));
      }
    }
    p.throwIfAny();
    return new ClockPolicy(state, version, clocks);
  }

  private static ClockDefinition clock(JsonObject c, String where, Problems p) {
    String id = p.text(c, "id", where);
    String title = p.text(c, "title", where);
    String source = p.text(c, "source", where);
    CasePart part = p.enumOf(c.getValue("part"), CasePart.class, where + ": part");
    Set<CaseType> types = EnumSet.noneOf(CaseType.class);
    for (Object t : array(c, "caseTypes")) {
      CaseType type = p.enumOf(t, CaseType.class, where + ": caseTypes");
      if (type != null) {
        types.add(type);
      }
    }
    List<EventMatch> starts = matches(c, "startsOn", where, p, true);
    List<EventMatch> satisfied = matches(c, "satisfiedBy", where, p, true);
    List<EventMatch> closed = matches(c, "closedBy", where, p, false);
    Duration due = p.duration(c.getValue("dueAfter"), where + ": dueAfter", false);
    List<Double> reminders = new ArrayList<>();
    for (Object r : array(c, "reminders")) {
      if (!(r instanceof Number n) || n.doubleValue() <= 0 || n.doubleValue() >= 1) {
        p.add(where + ": reminders are fractions of the time, between 0 and 1");
      } else {
        reminders.add(n.doubleValue());
      }
    }
    List<String> remind = posts(array(c, "remind"), where + ": remind", p);
    if (!reminders.isEmpty() && remind.isEmpty()) {
      p.add(where + ": reminders need posts to remind (remind)");
    }
    List<ClockDefinition.Rung> ladder = new ArrayList<>();
    Duration last = Duration.ZERO;
    for (Object r : array(c, "ladder")) {
      if (!(r instanceof JsonObject rung)) {
        p.add(where + ": a ladder rung is {after, posts}");
        continue;
      }
      Duration after = p.duration(rung.getValue("after"), where + ": ladder after", true);
      List<String> posts = posts(array(rung, "posts"), where + ": ladder posts", p);
      if (posts.isEmpty()) {
        p.add(where + ": every ladder rung names posts");
      }
      if (after != null && after.compareTo(last) < 0) {
        p.add(where + ": ladder rungs go up in time");
      }
      if (after != null) {
        last = after;
        ladder.add(new ClockDefinition.Rung(after, posts));
      }
    }
    if (ladder.isEmpty()) {
      p.add(where + ": a clock needs a ladder (whom it escalates to when overdue)");
    }
    return new ClockDefinition(
        id, title, source, part, types, starts, satisfied, closed, due, reminders, remind, ladder);
  }

  private static List<EventMatch> matches(
      JsonObject c, String field, String where, Problems p, boolean required) {
    List<EventMatch> out = new ArrayList<>();
    for (Object o : array(c, field)) {
      try {
        EventMatch m = EventMatch.parse(String.valueOf(o));
        if (!m.type().equals(MINOR_FLAGGED) && !isEventType(m.type())) {
          p.add(where + ": " + field + " names no event type: " + m.type());
        } else {
          out.add(m);
        }
      } catch (IllegalArgumentException e) {
        p.add(where + ": " + field + ": " + e.getMessage());
      }
    }
    if (required && out.isEmpty()) {
      p.add(where + ": " + field + " must name at least one event");
    }
    return out;
  }

  private static boolean isEventType(String type) {
    for (ServiceEventType t : ServiceEventType.values()) {
      if (t.name().equals(type)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> posts(JsonArray given, String where, Problems p) {
    List<String> out = new ArrayList<>();
    for (Object o : given) {
      if (!POSTS.contains(String.valueOf(o))) {
        p.add(where + ": unknown post " + o + " (one of " + String.join(", ", sorted()) + ")");
      } else {
        out.add(String.valueOf(o));
      }
    }
    return out;
  }

  private static List<String> sorted() {
    return POSTS.stream().sorted().toList();
  }

  private static JsonArray array(JsonObject o, String field) {
    return o.getValue(field) instanceof JsonArray a ? a : new JsonArray();
  }

  /** The problems of one policy, collected so that all are reported at once. */
  private static final class Problems {
    private final String origin;
    private final List<String> all = new ArrayList<>();

    Problems(String origin) {
      this.origin = origin;
    }

    void add(String problem) {
      all.add(problem);
    }

    String text(JsonObject o, String field, String where) {
      if (o.getValue(field) instanceof String s && !s.isBlank()) {
        return s;
      }
      add(where + ": " + field + " is required");
      return null;
    }

    <E extends Enum<E>> E enumOf(Object v, Class<E> type, String where) {
      for (E e : type.getEnumConstants()) {
        if (e.name().equals(v)) {
          return e;
        }
      }
      add(
          where
              + ": "
              + v
              + " is not one of "
              + java.util.Arrays.toString(type.getEnumConstants()));
      return null;
    }

    Duration duration(Object v, String where, boolean zeroAllowed) {
      try {
        Duration d = Duration.parse(String.valueOf(v));
        if (d.isNegative() || (!zeroAllowed && d.isZero())) {
          add(where + ": must be " + (zeroAllowed ? "zero or more" : "more than zero"));
          return null;
        }
        return d;
      } catch (RuntimeException e) {
        add(where + ": " + v + " is not an ISO-8601 duration (PT24H, P7D)");
        return null;
      }
    }

    void throwIfAny() {
      if (!all.isEmpty()) {
        throw new IllegalArgumentException(
            origin + ": " + all.size() + " problem(s):\n  " + String.join("\n  ", all));
      }
    }
  }

  /** Clocks by id, in policy order. */
  public Map<String, ClockDefinition> byId() {
    Map<String, ClockDefinition> out = new LinkedHashMap<>();
    clocks.forEach(c -> out.put(c.id(), c));
    return out;
  }
}
