package org.oscar.alert.cases.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oscar.alert.cases.store.CaseEventRow;

class CaseViewsTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void shelterDaysCountEveryStayAndTheCurrentOneRoundedUp() {
    List<CaseEventRow> events =
        List.of(
            shelter("SHELTER_ADMITTED", T0),
            shelter("SHELTER_DISCHARGED", T0.plus(Duration.ofHours(30))),
            shelter("SHELTER_ADMITTED", T0.plus(Duration.ofDays(3))));

    assertThat(CaseViews.shelterDaysUsed(events, T0.plus(Duration.ofDays(3)).plusSeconds(3600)))
        .as("30 h, then 1 h: 31 h is 2 days begun")
        .isEqualTo(2);
    assertThat(CaseViews.shelterDaysUsed(List.of(), T0)).isZero();
  }

  private static CaseEventRow shelter(String type, Instant at) {
    return new CaseEventRow(1, "SHELTER", type, new JsonObject(), at, at, "osc.admin", null);
  }
}
