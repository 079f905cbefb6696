package org.oscar.stream.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oscar.contract.live.AssignmentView;
import org.oscar.contract.wire.Role;
import org.oscar.stream.geo.Jurisdictions;

class DispatchPlannerTest {
  private static final Jurisdictions JURISDICTIONS = Jurisdictions.bhubaneswar();
  private final DispatchPlanner planner =
      new DispatchPlanner(StraightLineTravelTime.defaults(), Duration.ofSeconds(60));

  @Test
  void assignsNearestPoliceAndNearestAmbulanceTogether() {
    var press = new DispatchPlanner.Press("SURV-1", 7, 20.265367, 85.828033, false, 1_000_000);
    List<UnitState> units =
        List.of(
            Units.police("PCR-NEAR").at(20.270, 85.830).build(),
            Units.police("PCR-FAR").at(20.37, 85.82).build(),
            Units.ambulance("AMB-NEAR").at(20.260, 85.826).build(),
            Units.ambulance("AMB-FAR").at(20.18, 85.71).build());

    DispatchPlan plan = planner.plan(press, units, JURISDICTIONS);

    assertThat(plan.incidentId()).isEqualTo("INC-SURV-1-7");
    assertThat(plan.jurisdiction()).isEqualTo("Capital Police Station");
    assertThat(plan.assignments())
        .extracting(AssignmentView::role, AssignmentView::unitId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Role.POLICE, "PCR-NEAR"),
            org.assertj.core.groups.Tuple.tuple(Role.AMBULANCE, "AMB-NEAR"));
    assertThat(plan.assignments()).allSatisfy(a -> assertThat(a.ackBy()).isEqualTo(1_060_000));
    assertThat(plan.firstEtaS()).isPositive();
  }

  @Test
  void opensTheIncidentWithoutAssignmentsWhenNoUnitIsAvailable() {
    var press = new DispatchPlanner.Press("SURV-1", 1, 20.265367, 85.828033, false, 0);

    DispatchPlan plan = planner.plan(press, List.of(), JURISDICTIONS);

    assertThat(plan.assignments()).isEmpty();
    assertThat(plan.firstEtaS()).isNull();
    assertThat(plan.jurisdiction()).isEqualTo("Capital Police Station");
  }

  @Test
  void estimatesLongerTravelForAFartherUnit() {
    var eta = StraightLineTravelTime.defaults();
    long near =
        eta.etaSeconds(org.oscar.contract.wire.DeviceKind.POLICE, 20.27, 85.83, 20.265, 85.828);
    long far =
        eta.etaSeconds(org.oscar.contract.wire.DeviceKind.POLICE, 20.37, 85.82, 20.265, 85.828);

    assertThat(far).isGreaterThan(near);
    // 1 km straight line x 1.4 at 30 km/h is about 168 s.
    assertThat(
            eta.etaSeconds(org.oscar.contract.wire.DeviceKind.POLICE, 20.0, 85.0, 20.008993, 85.0))
        .isBetween(165L, 171L);
  }
}
