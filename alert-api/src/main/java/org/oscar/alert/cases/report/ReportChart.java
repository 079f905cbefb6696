package org.oscar.alert.cases.report;

import java.util.List;
import java.util.Locale;

/**
 * The month's legal clocks as a chart the server draws (SVG, no script, no library in the page):
 * one stacked bar per clock, met on time, met late, closed for another reason, overdue, still
 * running. A suppressed count ({@code <5}) is drawn as no bar and labelled so. Pure.
 */
public final class ReportChart {
  private static final String[][] SEGMENTS = {
    {"met on time", "#2e7d32"},
    {"met late", "#f9a825"},
    {"closed otherwise", "#9e9e9e"},
    {"overdue", "#c62828"},
    {"running", "#1565c0"}
  };
  private static final int LABEL = 230;
  private static final int WIDTH = 760;
  private static final int ROW = 26;

  private ReportChart() {}

  public static String clocks(MonthReport r) {
    List<MonthReport.ClockCounts> clocks = r.clocks();
    long max = 1;
    for (MonthReport.ClockCounts c : clocks) {
      max =
          Math.max(
              max,
              shown(c.met())
                  + shown(c.metLate())
                  + shown(c.closed())
                  + shown(c.overdue())
                  + shown(c.running()));
    }
    int height = 60 + ROW * Math.max(1, clocks.size()) + 30;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            // Scales to its container (viewBox), so the same chart fits a side column or a page.
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"100%%\""
                + " role=\"img\" aria-label=\"legal clocks\" font-family=\"sans-serif\""
                + " font-size=\"12\">",
            WIDTH,
            height));
    svg.append(
        text(
            8,
            18,
            "Legal clocks started in "
                + r.month()
                + ", "
                + r.district()
                + (r.caseType() == null ? "" : ", " + r.caseType())
                + " (counts under "
                + Suppression.BELOW
                + " not drawn)",
            "bold"));
    int legendX = 8;
    for (String[] s : SEGMENTS) {
      svg.append(rect(legendX, 28, 12, 12, s[1])).append(text(legendX + 16, 38, s[0], null));
      legendX += 24 + s[0].length() * 7;
    }
    int y = 56;
    double scale = (WIDTH - LABEL - 60) / (double) max;
    for (MonthReport.ClockCounts c : clocks) {
      svg.append(text(8, y + 14, c.clock(), null));
      long[] values = {c.met(), c.metLate(), c.closed(), c.overdue(), c.running()};
      double x = LABEL;
      StringBuilder hidden = new StringBuilder();
      for (int i = 0; i < values.length; i++) {
        long v = shown(values[i]);
        if (v > 0) {
          double w = v * scale;
          svg.append(rect(x, y, w, ROW - 8, SEGMENTS[i][1]));
          x += w;
        } else if (values[i] > 0) {
          hidden.append(hidden.length() == 0 ? "" : ", ").append(SEGMENTS[i][0]);
        }
      }
      String label = String.valueOf(total(values));
      svg.append(
          text(
              x + 6,
              y + 14,
              hidden.length() == 0 ? label : label + " (" + hidden + ": " + Suppression.MARK + ")",
              null));
      y += ROW;
    }
    if (clocks.isEmpty()) {
      svg.append(text(LABEL, y + 14, "no clock started this month", null));
    }
    return svg.append("</svg>").toString();
  }

  /** A bar's length: a suppressed count draws none. */
  private static long shown(long n) {
    return Suppression.count(n) instanceof Long v ? v : 0;
  }

  /**
   * The label: the sum of what is drawn only. The true total beside a drawn part would give away
   * the suppressed rest by subtraction.
   */
  private static long total(long[] values) {
    long sum = 0;
    for (long v : values) {
      sum += shown(v);
    }
    return sum;
  }

  private static String rect(double x, double y, double w, double h, String fill) {
    return String.format(
        Locale.ROOT,
        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
        x,
        y,
        w,
        h,
        fill);
  }

  private static String text(double x, double y, String s, String weight) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\"%s>%s</text>",
        x,
        y,
        weight == null ? "" : " font-weight=\"" + weight + "\"",
        escape(s));
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
