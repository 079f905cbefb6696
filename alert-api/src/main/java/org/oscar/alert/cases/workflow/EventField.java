package org.oscar.alert.cases.workflow;

import java.util.List;

/** One field of a service event: its name, kind, whether it must be given, and its choices. */
public record EventField(String name, FieldKind kind, boolean required, List<String> choices) {
  public EventField {
    choices = choices == null ? List.of() : List.copyOf(choices);
  }

  static EventField required(String name, FieldKind kind) {
    return new EventField(name, kind, true, List.of());
  }

  static EventField optional(String name, FieldKind kind) {
    return new EventField(name, kind, false, List.of());
  }

  static EventField oneOf(String name, String... choices) {
    return new EventField(name, FieldKind.TEXT, true, List.of(choices));
  }
}
