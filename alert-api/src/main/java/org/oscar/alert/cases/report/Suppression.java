package org.oscar.alert.cases.report;

/**
 * Small numbers name people: in a district's month, "2 child-abuse cases" can be one family. A
 * count from 1 to 4 is shown as {@code "<5"}; a figure drawn from fewer than 5 cases (a median, a
 * share) is not shown at all. Zero reveals no one and is shown.
 */
public final class Suppression {
  public static final int BELOW = 5;
  public static final String MARK = "<" + BELOW;

  private Suppression() {}

  /** The count as it may be shown: the number, or {@code "<5"}. */
  public static Object count(long n) {
    return n > 0 && n < BELOW ? MARK : n;
  }

  /** Whether a figure drawn from {@code n} cases may be shown. */
  public static boolean shows(long n) {
    return n >= BELOW;
  }
}
