package org.oscar.alert.cases;

/**
 * Why a case request cannot be done as asked: the HTTP status it answers with, the field at fault
 * (for a 400) and, for a 409, the record as it is now.
 */
public final class CaseProblem extends RuntimeException {
  private final int status;
  private final String field;
  private final transient Object current;

  private CaseProblem(int status, String field, String message, Object current) {
    super(message, null, false, false);
    this.status = status;
    this.field = field;
    this.current = current;
  }

  public static CaseProblem invalid(String field, String message) {
    return new CaseProblem(400, field, field + ": " + message, null);
  }

  public static CaseProblem notFound(String what) {
    return new CaseProblem(404, null, what, null);
  }

  public static CaseProblem forbidden(String what) {
    return new CaseProblem(403, null, what, null);
  }

  public static CaseProblem conflict(String what, Object current) {
    return new CaseProblem(409, null, what, current);
  }

  /** The server cannot do this as configured (a 503: nothing was recorded). */
  public static CaseProblem unavailable(String what) {
    return new CaseProblem(503, null, what, null);
  }

  public int status() {
    return status;
  }

  public String field() {
    return field;
  }

  public Object current() {
    return current;
  }
}
