package org.oscar.stream.dispatch.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oscar.stream.dispatch.engine.RegionFixture.CAPITAL;
import static org.oscar.stream.dispatch.engine.RegionFixture.north;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oscar.contract.alert.AlertKind;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.contract.wire.NoticeState;
import org.oscar.contract.wire.OperatorAction;
import org.oscar.contract.wire.TaskAction;

/**
 * A press without a position is an emergency all the same: opened at once, sent help once placed.
 */
class LocationUnknownTest {
  private RegionFixture region;

  @BeforeEach
  void unitsOnDuty() {
    region = new RegionFixture();
    double[] near = north(CAPITAL, 1_500);
    region.unitAvailable("PCR-1", DeviceKind.POLICE, near[0], near[1]);
    region.unitAvailable("AMB-1", DeviceKind.AMBULANCE, near[0], near[1]);
  }

  private String pressWithoutFix() {
    region.send(region.pressWithoutPosition("SURV-1", "no GPS fix"));
    return region.out.incidents.get(0).incidentId();
  }

  @Test
  void aPressWithoutAPositionOpensAnIncidentAtOnceAndSendsNoUnit() {
    String incident = pressWithoutFix();

    var view = region.lastView(incident);
    assertThat(view.state()).isEqualTo("OPEN");
    assertThat(view.locationUnknown()).isTrue();
    assertThat(view.assignments()).isEmpty();
    assertThat(view.jurisdiction()).isNull();
    assertThat(region.tasksTo("PCR-1")).isEmpty();
    assertThat(region.tasksTo("AMB-1")).isEmpty();
    assertThat(region.timelineWhats(incident))
        .containsExactly("OPENED", "LOCATION_UNKNOWN", "ALERTED_OPENED");
    assertThat(view.timeline().get(0).why()).isEqualTo("panic press (no GPS fix)");
  }

  @Test
  void herDeviceIsToldReceivedAndTheOfficialsAreAlertedThatTheLocationIsUnknown() {
    String incident = pressWithoutFix();

    assertThat(region.lastNoticeTo("SURV-1").state()).isEqualTo(NoticeState.RECEIVED);
    assertThat(region.alertsFor(incident))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(AlertKind.OPENED);
              assertThat(a.reason()).isEqualTo("incident opened, location unknown");
            });
  }

  @Test
  void unitsAreDispatchedTheMomentHerDevicesPositionArrives() {
    String incident = pressWithoutFix();

    region.send(region.survivorAt("SURV-1", CAPITAL[0], CAPITAL[1]));

    var view = region.lastView(incident);
    assertThat(view.locationUnknown()).isFalse();
    assertThat(view.lat()).isEqualTo(CAPITAL[0]);
    assertThat(view.jurisdiction()).isEqualTo("Capital Police Station");
    assertThat(region.tasksTo("PCR-1", TaskAction.ASSIGN)).hasSize(1);
    assertThat(region.tasksTo("AMB-1", TaskAction.ASSIGN)).hasSize(1);
    assertThat(region.lastNoticeTo("SURV-1").state()).isEqualTo(NoticeState.HELP_COMING);
    assertThat(region.timelineWhats(incident)).contains("LOCATED", "ASSIGNED");
    // The SHO of the place could not be named when the case opened: alerted once it is known.
    assertThat(region.alertsFor(incident))
        .filteredOn(a -> "LOCATED".equals(a.level()))
        .singleElement()
        .satisfies(a -> assertThat(a.roles()).containsExactly("SHO"));
  }

  @Test
  void anOperatorWhoCalledHerBackSetsHerLocationAndUnitsAreSent() {
    String incident = pressWithoutFix();

    region.send(region.operator(OperatorAction.LOCATE, "c1", incident, null, CAPITAL));

    assertThat(region.lastView(incident).locationUnknown()).isFalse();
    assertThat(region.tasksTo("PCR-1", TaskAction.ASSIGN)).hasSize(1);
    assertThat(region.lastView(incident).timeline())
        .filteredOn(t -> t.what().equals("LOCATED"))
        .singleElement()
        .satisfies(t -> assertThat(t.who()).isEqualTo("operator:control.khordha"));
  }

  @Test
  void aUnitCannotBeAssignedByHandToAnIncidentWithNoPlace() {
    String incident = pressWithoutFix();

    region.send(region.operator(OperatorAction.ASSIGN, "c1", incident, "PCR-1", null));

    assertThat(region.tasksTo("PCR-1")).isEmpty();
    assertThat(region.timelineWhats(incident)).contains("OPERATOR_REFUSED");
  }

  @Test
  void anOperatorCannotMoveAnIncidentWhosePlaceIsKnown() {
    region.send(region.press("SURV-1", CAPITAL));
    String incident = region.out.incidents.get(0).incidentId();
    double[] elsewhere = north(CAPITAL, 3_000);

    region.send(region.operator(OperatorAction.LOCATE, "c1", incident, null, elsewhere));

    assertThat(region.lastView(incident).lat()).isEqualTo(CAPITAL[0]);
    assertThat(region.timelineWhats(incident)).contains("OPERATOR_REFUSED");
  }

  @Test
  void aSecondPressWithAPositionPlacesTheIncident() {
    String incident = pressWithoutFix();

    region.send(region.press("SURV-1", CAPITAL));

    assertThat(region.out.incidents.stream().map(v -> v.incidentId()).distinct()).hasSize(1);
    assertThat(region.lastView(incident).locationUnknown()).isFalse();
    assertThat(region.tasksTo("PCR-1", TaskAction.ASSIGN)).hasSize(1);
  }

  @Test
  void theLadderClimbsWhileNoPlaceIsKnownAndStopsOnceItIs() {
    String incident = pressWithoutFix();
    int policyWait = region.profile().policy().ackTimeoutS();

    region.wait(policyWait + 1);

    assertThat(region.alertsFor(incident))
        .filteredOn(a -> a.kind() == AlertKind.ESCALATED)
        .singleElement()
        .satisfies(a -> assertThat(a.reason()).isEqualTo("her location is still unknown"));

    region.send(region.survivorAt("SURV-1", CAPITAL[0], CAPITAL[1]));
    region.send(region.ack("PCR-1", region.tasksTo("PCR-1").get(0).assignmentId(), true));
    region.send(region.ack("AMB-1", region.tasksTo("AMB-1").get(0).assignmentId(), true));
    region.wait(region.profile().policy().ladderStepS() + 1);

    // Units that then do not move are a stall of their own; the unknown place is not one any more.
    assertThat(region.alertsFor(incident))
        .filteredOn(a -> "her location is still unknown".equals(a.reason()))
        .hasSize(1);
    assertThat(region.engine.stuckDeadlines()).isZero();
  }
}
