package org.oscar.stream.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oscar.contract.wire.Role;
import org.oscar.contract.wire.UnitStatus;

class NearestUnitFinderTest {
  private static final double LAT = 20.2654;
  private static final double LON = 85.8280;

  @Test
  void picksTheClosestAvailableUnitOfTheRole() {
    List<UnitState> units =
        List.of(
            Units.police("PCR-FAR").at(20.30, 85.85).build(),
            Units.police("PCR-NEAR").at(20.266, 85.829).build(),
            Units.ambulance("AMB-NEAREST").at(LAT, LON).build());

    assertThat(NearestUnitFinder.nearest(units, Role.POLICE, LAT, LON))
        .map(UnitState::unitId)
        .contains("PCR-NEAR");
  }

  @Test
  void skipsUnitsThatAreBusyOffDutyOrAlreadyAssigned() {
    List<UnitState> units =
        List.of(
            Units.police("PCR-ENROUTE").at(LAT, LON).status(UnitStatus.EN_ROUTE).build(),
            Units.police("PCR-OFF").at(LAT, LON).status(UnitStatus.OFF_DUTY).build(),
            Units.police("PCR-TAKEN").at(LAT, LON).assignedTo("INC-X").build(),
            Units.police("PCR-FREE").at(20.30, 85.85).build());

    assertThat(NearestUnitFinder.nearest(units, Role.POLICE, LAT, LON))
        .map(UnitState::unitId)
        .contains("PCR-FREE");
  }

  @Test
  void skipsUnitsThatNeverReportedAPosition() {
    UnitState unlocated =
        UnitState.unknown("PCR-1", Units.police("x").build().kind())
            .withStatus(UnitStatus.AVAILABLE);

    assertThat(NearestUnitFinder.nearest(List.of(unlocated), Role.POLICE, LAT, LON)).isEmpty();
  }

  @Test
  void findsNothingWhenNoUnitOfTheRoleIsAvailable() {
    List<UnitState> units = List.of(Units.police("PCR-1").build());

    assertThat(NearestUnitFinder.nearest(units, Role.AMBULANCE, LAT, LON)).isEmpty();
  }

  @Test
  void breaksTiesBySmallerUnitIdWhateverTheOrder() {
    UnitState b = Units.police("PCR-B").at(20.27, 85.83).build();
    UnitState a = Units.police("PCR-A").at(20.27, 85.83).build();

    assertThat(NearestUnitFinder.nearest(List.of(b, a), Role.POLICE, LAT, LON))
        .map(UnitState::unitId)
        .contains("PCR-A");
    assertThat(NearestUnitFinder.nearest(List.of(a, b), Role.POLICE, LAT, LON))
        .map(UnitState::unitId)
        .contains("PCR-A");
  }
}
