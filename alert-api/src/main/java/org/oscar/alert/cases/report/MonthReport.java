package org.oscar.alert.cases.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A district's month, in counts only: no case id, no survivor, nothing recorded on a case. Every
 * count passes through {@link Suppression} before it leaves. Built from the register's aggregates
 * ({@code CaseReports}); rendered as JSON, CSV and a chart ({@link ReportChart}). Pure.
 */
public record MonthReport(
    String district,
    String month,
    String caseType,
    Map<String, Long> openedByType,
    Spread onScene,
    Spread examination,
    long firs,
    long firsWithin24h,
    List<ClockCounts> clocks,
    long shelterStays,
    long shelterDays,
    long shelterStillIn,
    List<ReferralCount> referrals) {

  /** How many cases a time was measured on, and its median and 90th percentile. */
  public record Spread(long n, Double p50, Double p90) {}

  /** What became of one clock's instances started in the month. */
  public record ClockCounts(
      String clock, long met, long metLate, long closed, long overdue, long running) {}

  public record ReferralCount(String agencyKind, String state, long n) {}

  public MonthReport {
    openedByType = new LinkedHashMap<>(openedByType);
    clocks = List.copyOf(clocks);
    referrals = List.copyOf(referrals);
  }

  public JsonObject json() {
    JsonObject opened = new JsonObject();
    openedByType.forEach((t, n) -> opened.put(t, Suppression.count(n)));
    JsonArray clockRows = new JsonArray();
    for (ClockCounts c : clocks) {
      clockRows.add(
          new JsonObject()
              .put("clock", c.clock())
              .put("met", Suppression.count(c.met()))
              .put("metLate", Suppression.count(c.metLate()))
              .put("closed", Suppression.count(c.closed()))
              .put("overdue", Suppression.count(c.overdue()))
              .put("running", Suppression.count(c.running())));
    }
    JsonArray referralRows = new JsonArray();
    for (ReferralCount r : referrals) {
      referralRows.add(
          new JsonObject()
              .put("agencyKind", r.agencyKind())
              .put("state", r.state())
              .put("n", Suppression.count(r.n())));
    }
    return new JsonObject()
        .put("district", district)
        .put("month", month)
        .put("caseType", caseType)
        .put("suppressedBelow", Suppression.BELOW)
        .put("opened", opened)
        .put("pressToFirstUnitOnSceneSeconds", spread(onScene))
        .put("openedToMedicalExaminationHours", spread(examination))
        .put(
            "firWithin24h",
            new JsonObject()
                .put("firs", Suppression.count(firs))
                .put("within24h", Suppression.count(firsWithin24h))
                .put(
                    "percent",
                    // Shown only when neither side of the split is small: a share of a shown
                    // total would give a suppressed count away.
                    Suppression.shows(firsWithin24h) && Suppression.shows(firs - firsWithin24h)
                        ? Math.round(100.0 * firsWithin24h / firs)
                        : null))
        .put("clocks", clockRows)
        .put(
            "shelter",
            new JsonObject()
                .put("stays", Suppression.count(shelterStays))
                .put("daysUsed", Suppression.shows(shelterStays) ? shelterDays : null)
                .put("stillIn", Suppression.count(shelterStillIn)))
        .put("referrals", referralRows);
  }

  private static JsonObject spread(Spread s) {
    boolean shown = Suppression.shows(s.n());
    return new JsonObject()
        .put("cases", Suppression.count(s.n()))
        .put("p50", shown ? round(s.p50()) : null)
        .put("p90", shown ? round(s.p90()) : null);
  }

  private static Double round(Double v) {
    return v == null ? null : Math.round(v * 10) / 10.0;
  }

  /** One line per figure: {@code section,item,measure,value}, suppressed as in {@link #json}. */
  public String csv() {
    JsonObject j = json();
    List<String> lines = new ArrayList<>();
    lines.add("section,item,measure,value");
    String scope = district + " " + month + (caseType == null ? "" : " " + caseType);
    lines.add(line("report", scope, "suppressed_below", Suppression.BELOW));
    j.getJsonObject("opened")
        .forEach(e -> lines.add(line("opened", e.getKey(), "cases", e.getValue())));
    for (String key :
        List.of("pressToFirstUnitOnSceneSeconds", "openedToMedicalExaminationHours")) {
      j.getJsonObject(key).forEach(e -> lines.add(line("time", key, e.getKey(), e.getValue())));
    }
    j.getJsonObject("firWithin24h")
        .forEach(e -> lines.add(line("fir", "within_24h", e.getKey(), e.getValue())));
    for (Object o : j.getJsonArray("clocks")) {
      JsonObject c = (JsonObject) o;
      for (String m : List.of("met", "metLate", "closed", "overdue", "running")) {
        lines.add(line("clock", c.getString("clock"), m, c.getValue(m)));
      }
    }
    j.getJsonObject("shelter")
        .forEach(e -> lines.add(line("shelter", "osc", e.getKey(), e.getValue())));
    for (Object o : j.getJsonArray("referrals")) {
      JsonObject r = (JsonObject) o;
      lines.add(
          line("referrals", r.getString("agencyKind"), r.getString("state"), r.getValue("n")));
    }
    return String.join("\n", lines) + "\n";
  }

  private static String line(String section, String item, String measure, Object value) {
    return section + "," + cell(item) + "," + measure + "," + (value == null ? "" : value);
  }

  private static String cell(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
