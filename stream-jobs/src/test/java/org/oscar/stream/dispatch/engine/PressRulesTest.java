package org.oscar.stream.dispatch.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oscar.stream.dispatch.engine.RegionFixture.CAPITAL;
import static org.oscar.stream.dispatch.engine.RegionFixture.INFOCITY;
import static org.oscar.stream.dispatch.engine.RegionFixture.north;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oscar.contract.alert.AlertKind;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.contract.wire.NoticeState;
import org.oscar.contract.wire.Role;
import org.oscar.contract.wire.TaskAction;
import org.oscar.contract.wire.TaskMessage;
import org.oscar.contract.wire.UnitStatus;
import org.oscar.stream.event.CancelOutcome;

class PressRulesTest {
  private RegionFixture region;

  @BeforeEach
  void fleet() {
    region = new RegionFixture();
    double[] near = north(CAPITAL, 800);
    double[] far = north(CAPITAL, 5_000);
    region.unitAvailable("PCR-NEAR", DeviceKind.POLICE, near[0], near[1]);
    region.unitAvailable("PCR-FAR", DeviceKind.POLICE, far[0], far[1]);
    region.unitAvailable("AMB-NEAR", DeviceKind.AMBULANCE, near[0], near[1] + 0.002);
    region.unitAvailable("AMB-FAR", DeviceKind.AMBULANCE, INFOCITY[0], INFOCITY[1]);
  }

  @Test
  void opensOneIncidentAndAssignsNearestPoliceAndAmbulanceTogether() {
    region.send(region.press("SURV-1", CAPITAL));

    String id = region.out.incidents.get(0).incidentId();
    var view = region.lastView(id);
    assertThat(id).startsWith("INC-SURV-1-");
    assertThat(view.state()).isEqualTo("OPEN");
    assertThat(view.jurisdiction()).isEqualTo("Capital Police Station");
    assertThat(view.osc().id()).isEqualTo("OSC-KHORDHA");
    assertThat(view.hospital()).isNull();
    assertThat(view.assignments())
        .extracting(a -> a.role() + ":" + a.unitId())
        .containsExactly("POLICE:PCR-NEAR", "AMBULANCE:AMB-NEAR");
    TaskMessage task = region.tasksTo("PCR-NEAR", TaskAction.ASSIGN).get(0);
    assertThat(task.ackBy()).isEqualTo(task.ts() + 60_000);
    assertThat(task.destination().kind()).isEqualTo("OSC");
    assertThat(region.tasksTo("PCR-FAR")).isEmpty();
    assertThat(region.tasksTo("AMB-FAR")).isEmpty();
    assertThat(region.lastNoticeTo("SURV-1").state()).isEqualTo(NoticeState.HELP_COMING);
    assertThat(region.out.alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(AlertKind.OPENED);
              assertThat(a.roles()).containsExactly("SHO", "OSC_ADMIN");
            });
  }

  @Test
  void repeatedPressesOfOneEmergencyAreOneIncident() {
    region.send(region.press("SURV-1", CAPITAL));
    region.send(region.press("SURV-1", CAPITAL));
    region.send(region.press("SURV-1", north(CAPITAL, 30)));

    assertThat(region.book.incidents()).hasSize(1);
    assertThat(region.out.tasks).hasSize(2);
    assertThat(region.out.alerts).hasSize(1);
    assertThat(region.noticesTo("SURV-1"))
        .hasSize(3)
        .allSatisfy(n -> assertThat(n.state()).isEqualTo(NoticeState.HELP_COMING));
  }

  @Test
  void redeliveredPressChangesNothingButTellsHerAgain() {
    var press = region.press("SURV-1", CAPITAL);
    region.send(press);
    var notice = region.lastNoticeTo("SURV-1");
    var before = region.out.incidents.get(region.out.incidents.size() - 1);
    region.out.clear();

    region.send(region.again(press));

    assertThat(region.out.incidents).allSatisfy(v -> assertThat(v).isEqualTo(before));
    assertThat(region.out.tasks).isEmpty();
    assertThat(region.out.alerts).isEmpty();
    assertThat(region.noticesTo("SURV-1"))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.incidentId()).isEqualTo(notice.incidentId());
              assertThat(n.state()).isEqualTo(notice.state());
            });
  }

  @Test
  void injuredPressIsSeriousAlertsEveryoneAtOnceAndSendsUnitsToTheHospital() {
    region.send(region.injuredPress("SURV-1", CAPITAL));

    var view = region.out.incidents.get(region.out.incidents.size() - 1);
    assertThat(view.serious()).isTrue();
    assertThat(view.hospital().id()).isEqualTo("HOSP-CAPITAL");
    assertThat(region.tasksTo("AMB-NEAR").get(0).destination().kind()).isEqualTo("HOSPITAL");
    assertThat(region.out.alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(AlertKind.SERIOUS);
              assertThat(a.roles())
                  .containsExactlyInAnyOrder("SHO", "SP", "DM", "CMO", "OSC_ADMIN");
            });
  }

  @Test
  void pressSoonAfterACancelReopensTheSameIncident() {
    region.send(region.press("SURV-1", CAPITAL));
    String id = region.out.incidents.get(0).incidentId();
    region.send(region.cancel("SURV-1", CancelOutcome.VALID));
    region.wait(60);

    region.send(region.press("SURV-1", CAPITAL));

    assertThat(region.book.incidents()).hasSize(1);
    assertThat(region.lastView(id).state()).isEqualTo("OPEN");
    assertThat(region.timelineWhats(id)).contains("CANCELLED", "REOPENED");
    assertThat(region.lastView(id).assignments()).extracting(a -> a.role()).contains(Role.POLICE);
  }

  @Test
  void pressLongAfterTheLastIncidentEndedOpensANewOne() {
    region.send(region.press("SURV-1", CAPITAL));
    region.send(region.cancel("SURV-1", CancelOutcome.VALID));
    region.wait(601);

    region.send(region.press("SURV-1", CAPITAL));

    assertThat(region.book.incidents())
        .singleElement()
        .satisfies(i -> assertThat(i.timeline.get(0).what()).isEqualTo("OPENED"));
    assertThat(region.out.incidents.stream().map(v -> v.incidentId()).distinct()).hasSize(2);
  }

  @Test
  void aUnitHoldsOneAssignmentAtATime() {
    region.send(region.press("SURV-1", CAPITAL));
    region.send(region.press("SURV-2", north(CAPITAL, 100)));

    var second = region.out.incidents.get(region.out.incidents.size() - 1);
    assertThat(second.deviceId()).isEqualTo("SURV-2");
    assertThat(second.assignments())
        .extracting(a -> a.unitId())
        .containsExactly("PCR-FAR", "AMB-FAR");
  }

  @Test
  void unitsOffDutyOrNeverLocatedAreNotAssigned() {
    RegionFixture empty = new RegionFixture();
    empty.send(empty.status("PCR-OFF", DeviceKind.POLICE, UnitStatus.OFF_DUTY));
    empty.send(empty.unitAt("PCR-OFF", DeviceKind.POLICE, CAPITAL[0], CAPITAL[1]));
    empty.send(empty.status("PCR-NOWHERE", DeviceKind.POLICE, UnitStatus.AVAILABLE));

    empty.send(empty.press("SURV-1", CAPITAL));

    assertThat(empty.out.tasks).isEmpty();
    assertThat(empty.lastNoticeTo("SURV-1").state()).isEqualTo(NoticeState.RECEIVED);
  }
}
