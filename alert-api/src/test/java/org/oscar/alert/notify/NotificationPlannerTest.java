package org.oscar.alert.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oscar.contract.alert.AlertEvent;
import org.oscar.contract.alert.AlertKind;
import org.oscar.contract.alert.NotificationRecord;
import org.oscar.contract.live.FacilityView;
import org.oscar.contract.live.IncidentView;

class NotificationPlannerTest {
  @Test
  void namesThePostThatFillsEachRoleForThisIncident() {
    AlertEvent serious =
        AlertEvent.of(
            AlertKind.SERIOUS,
            "SERIOUS",
            List.of("SHO", "SP", "DM", "CMO", "OSC_ADMIN"),
            "injured",
            incident("Nayapalli Police Station"));

    assertThat(NotificationPlanner.plan(serious, 5))
        .extracting(NotificationRecord::officialId)
        .containsExactly(
            "SHO:Nayapalli Police Station",
            "SP:Khordha",
            "DM:Khordha",
            "CMO:Khordha",
            "OSC_ADMIN:OSC-KHORDHA");
    assertThat(NotificationPlanner.plan(serious, 5))
        .allSatisfy(r -> assertThat(r.level()).isEqualTo("SERIOUS"));
  }

  @Test
  void tellsTheControlRoomWhenThePlaceIsOutsideEveryJurisdiction() {
    AlertEvent opened =
        AlertEvent.of(AlertKind.OPENED, "OPENED", List.of("SHO"), "opened", incident(null));

    assertThat(NotificationPlanner.plan(opened, 5))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.role()).isEqualTo("CONTROL_ROOM");
              assertThat(n.officialId()).isEqualTo("CONTROL_ROOM:khordha");
            });
  }

  @Test
  void neverTellsTheSamePostTwiceForOneAlert() {
    AlertEvent escalated =
        AlertEvent.of(
            AlertKind.ESCALATED,
            "ESCALATION-1",
            List.of("SHO", "CONTROL_ROOM"),
            "stall",
            incident(null));

    assertThat(NotificationPlanner.plan(escalated, 5)).hasSize(1);
  }

  static IncidentView incident(String jurisdiction) {
    return new IncidentView(
        "INC-1",
        "khordha",
        "Khordha",
        "SURV-1",
        "OPEN",
        20.3,
        85.8,
        false,
        false,
        jurisdiction,
        new FacilityView("OSC-KHORDHA", "OSC", "OSC", 20.25, 85.81),
        null,
        0,
        List.of(),
        List.of(),
        false,
        List.of(),
        null);
  }
}
