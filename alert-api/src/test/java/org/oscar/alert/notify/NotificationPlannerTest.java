package org.oscar.alert.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oscar.contract.alert.NotificationRecord;
import org.oscar.contract.live.IncidentView;

class NotificationPlannerTest {
  @Test
  void alertsTheShoOfTheJurisdictionWhenAnIncidentOpens() {
    List<NotificationRecord> planned =
        NotificationPlanner.onOpened(incident("Nayapalli Police Station"), 5);

    assertThat(planned)
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.role()).isEqualTo("SHO");
              assertThat(n.officialId()).isEqualTo("SHO:Nayapalli Police Station");
              assertThat(n.level()).isEqualTo(NotificationPlanner.LEVEL_OPENED);
            });
  }

  @Test
  void alertsTheControlRoomWhenThePlaceIsOutsideEveryJurisdiction() {
    assertThat(NotificationPlanner.onOpened(incident(null), 5))
        .singleElement()
        .satisfies(n -> assertThat(n.officialId()).isEqualTo("CONTROL_ROOM:bhubaneswar"));
  }

  private static IncidentView incident(String jurisdiction) {
    return new IncidentView(
        "INC-1", "bhubaneswar", "SURV-1", "OPEN", 20.3, 85.8, false, jurisdiction, 0, List.of());
  }
}
