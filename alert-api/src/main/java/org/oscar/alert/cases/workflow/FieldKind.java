package org.oscar.alert.cases.workflow;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.oscar.alert.cases.CaseProblem;

/** The kinds of value a service event's field holds, and how each is checked. */
public enum FieldKind {
  /** Up to 200 characters, not blank. */
  TEXT,
  /** true or false. */
  FLAG,
  /** A calendar date, yyyy-mm-dd (a hearing). */
  DATE;

  static final int MAX_TEXT = 200;

  /** The value as stored, or a problem naming {@code field}. */
  Object check(String field, Object value, List<String> choices) {
    switch (this) {
      case FLAG -> {
        if (!(value instanceof Boolean)) {
          throw CaseProblem.invalid(field, "must be true or false");
        }
        return value;
      }
      case DATE -> {
        try {
          return LocalDate.parse(String.valueOf(value)).toString();
        } catch (DateTimeParseException e) {
          throw CaseProblem.invalid(field, "must be a date, yyyy-mm-dd");
        }
      }
      default -> {
        if (!(value instanceof String s) || s.isBlank()) {
          throw CaseProblem.invalid(field, "must be non-empty text");
        }
        if (s.length() > MAX_TEXT) {
          throw CaseProblem.invalid(field, "must be at most " + MAX_TEXT + " characters");
        }
        if (!choices.isEmpty() && !choices.contains(s)) {
          throw CaseProblem.invalid(field, "must be one of " + choices);
        }
        return s.strip();
      }
    }
  }
}
