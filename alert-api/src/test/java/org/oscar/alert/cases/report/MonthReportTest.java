package org.oscar.alert.cases.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonthReportTest {
  @Test
  void countsFromOneToFourAreShownAsUnderFiveAndZeroAsZero() {
    JsonObject j = report(3, 0, 12).json();

    assertThat(j.getJsonObject("opened").getValue("SEXUAL_ASSAULT")).isEqualTo("<5");
    assertThat(j.getJsonObject("opened").getValue("OTHER")).isEqualTo(0L);
    assertThat(j.getJsonObject("opened").getValue("DOMESTIC_VIOLENCE")).isEqualTo(12L);
    assertThat(j.getJsonArray("clocks").getJsonObject(0).getValue("metLate")).isEqualTo("<5");
    assertThat(j.getInteger("suppressedBelow")).isEqualTo(5);
  }

  @Test
  void aFigureDrawnFromFewerThanFiveCasesIsNotShown() {
    JsonObject j = report(3, 0, 12).json();

    assertThat(j.getJsonObject("pressToFirstUnitOnSceneSeconds").getValue("p50")).isNull();
    assertThat(j.getJsonObject("openedToMedicalExaminationHours").getDouble("p50")).isEqualTo(6.5);
    assertThat(j.getJsonObject("firWithin24h").getLong("percent")).isEqualTo(50L);
    assertThat(report(3, 0, 12, 8, 6).json().getJsonObject("firWithin24h").getValue("percent"))
        .as("6 of 8 would give away the 2 beyond 24 h")
        .isNull();
    assertThat(j.getJsonObject("shelter").getValue("daysUsed")).isNull();
  }

  @Test
  void theCsvHasOneFigurePerLineAndTheSameSuppression() {
    String csv = report(3, 0, 12).csv();

    assertThat(csv.lines().findFirst()).contains("section,item,measure,value");
    assertThat(csv)
        .contains("opened,SEXUAL_ASSAULT,cases,<5")
        .contains("clock,MEDICAL_EXAMINATION,met,9")
        .contains("fir,within_24h,percent,50");
  }

  @Test
  void theChartDrawsNoBarForASuppressedCountAndNoTotalThatWouldGiveItAway() {
    String svg = ReportChart.clocks(report(3, 0, 12));

    assertThat(svg).startsWith("<svg").endsWith("</svg>");
    assertThat(svg).contains("MEDICAL_EXAMINATION").contains("9 (met late: &lt;5)");
    assertThat(svg).doesNotContain(">11<").doesNotContain("<script");
  }

  private static MonthReport report(long sexualAssault, long other, long dv) {
    return report(sexualAssault, other, dv, 12, 6);
  }

  private static MonthReport report(
      long sexualAssault, long other, long dv, long firs, long firsWithin24h) {
    Map<String, Long> opened = new LinkedHashMap<>();
    opened.put("SEXUAL_ASSAULT", sexualAssault);
    opened.put("OTHER", other);
    opened.put("DOMESTIC_VIOLENCE", dv);
    return new MonthReport(
        "Khordha",
        "2026-12",
        null,
        opened,
        new MonthReport.Spread(3, 400.0, 700.0),
        new MonthReport.Spread(8, 6.5, 20.0),
        firs,
        firsWithin24h,
        List.of(new MonthReport.ClockCounts("MEDICAL_EXAMINATION", 9, 2, 0, 0, 0)),
        2,
        7,
        1,
        List.of(new MonthReport.ReferralCount("DLSA", "ACCEPTED", 6)));
  }
}
