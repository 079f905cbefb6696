package org.oscar.stream.dispatch.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oscar.stream.dispatch.engine.RegionFixture.CAPITAL;
import static org.oscar.stream.dispatch.engine.RegionFixture.north;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oscar.contract.alert.AlertKind;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.contract.wire.OperatorAction;
import org.oscar.contract.wire.TaskAction;

class OperatorRulesTest {
  private RegionFixture region;
  private String incident;

  @BeforeEach
  void pressWithUnitsAround() {
    region = new RegionFixture();
    double[] near = north(CAPITAL, 800);
    double[] far = north(CAPITAL, 3_000);
    region.unitAvailable("PCR-1", DeviceKind.POLICE, near[0], near[1]);
    region.unitAvailable("PCR-2", DeviceKind.POLICE, far[0], far[1]);
    region.unitAvailable("AMB-1", DeviceKind.AMBULANCE, near[0], near[1]);
    region.send(region.press("SURV-1", CAPITAL));
    incident = region.out.incidents.get(0).incidentId();
  }

  @Test
  void anOperatorAssignsAUnitByHandRelievingTheOneInItsRoleWithoutAStrike() {
    region.send(region.operator(OperatorAction.ASSIGN, "c1", incident, "PCR-2", null));

    assertThat(region.tasksTo("PCR-1", TaskAction.WITHDRAW)).hasSize(1);
    assertThat(region.tasksTo("PCR-2", TaskAction.ASSIGN)).hasSize(1);
    assertThat(region.book.unit("PCR-1").strikes()).isZero();
    assertThat(region.lastView(incident).timeline())
        .anySatisfy(
            t -> {
              assertThat(t.what()).isEqualTo("ASSIGNED_BY_OPERATOR");
              assertThat(t.who()).isEqualTo("operator:control.khordha");
            });
  }

  @Test
  void aReplayedAssignChangesNothing() {
    var assign = region.operator(OperatorAction.ASSIGN, "c1", incident, "PCR-2", null);
    region.send(assign);
    int tasks = region.out.tasks.size();

    region.send(assign);

    assertThat(region.out.tasks).hasSize(tasks);
  }

  @Test
  void aBusyUnitIsRefusedOnTheTimelineNotSilently() {
    double[] elsewhere = north(CAPITAL, 2_500);
    region.send(region.press("SURV-2", elsewhere));
    String other = region.out.incidents.get(region.out.incidents.size() - 1).incidentId();

    region.send(region.operator(OperatorAction.ASSIGN, "c2", other, "PCR-1", null));

    assertThat(region.lastView(other).timeline())
        .anySatisfy(t -> assertThat(t.what()).isEqualTo("OPERATOR_REFUSED"));
    assertThat(region.tasksTo("PCR-1", TaskAction.WITHDRAW)).isEmpty();
  }

  @Test
  void anOperatorClosesTheCaseAndEveryUnitIsWithdrawn() {
    region.send(region.operator(OperatorAction.CLOSE, "c3", incident, null, null));

    assertThat(region.lastView(incident).state()).isEqualTo("CLOSED");
    assertThat(region.tasksTo("PCR-1", TaskAction.WITHDRAW)).hasSize(1);
    assertThat(region.tasksTo("AMB-1", TaskAction.WITHDRAW)).hasSize(1);
    assertThat(region.book.unit("PCR-1").isAvailable()).isTrue();
  }

  @Test
  void anOverrideOnACaseThatIsOverIsRefusedOnItsTimeline() {
    region.send(region.operator(OperatorAction.CLOSE, "c6", incident, null, null));

    region.send(region.operator(OperatorAction.ASSIGN, "c7", incident, "PCR-2", null));

    assertThat(region.tasksTo("PCR-2", TaskAction.ASSIGN)).isEmpty();
    assertThat(region.lastView(incident).timeline())
        .anySatisfy(
            t -> {
              assertThat(t.what()).isEqualTo("OPERATOR_REFUSED");
              assertThat(t.why()).isEqualTo("the case is over (CLOSED)");
            });
  }

  @Test
  void markingSeriousAlertsTheSeriousCaseOfficialsOnce() {
    region.send(region.operator(OperatorAction.MARK_SERIOUS, "c4", incident, null, null));
    region.send(region.operator(OperatorAction.MARK_SERIOUS, "c5", incident, null, null));

    assertThat(region.lastView(incident).serious()).isTrue();
    assertThat(region.alertsFor(incident))
        .filteredOn(a -> a.kind() == AlertKind.SERIOUS)
        .hasSize(1);
  }

  @Test
  void aHelplineCallOpensAnIncidentDispatchedLikeAPressOnce() {
    double[] caller = north(CAPITAL, 1_500);
    var open = region.operator(OperatorAction.OPEN, "call-181-1", null, null, caller);

    region.send(open);
    region.send(open);

    var opened =
        region.out.incidents.stream()
            .filter(c -> c.incidentId().equals("INC-CALL-call-181-1-1"))
            .toList();
    assertThat(opened).isNotEmpty();
    assertThat(region.lastView("INC-CALL-call-181-1-1").timeline().get(0))
        .satisfies(
            t -> {
              assertThat(t.what()).isEqualTo("OPENED");
              assertThat(t.who()).isEqualTo("operator:control.khordha");
              assertThat(t.why()).isEqualTo("HELPLINE_181");
            });
    assertThat(region.tasksTo("PCR-2", TaskAction.ASSIGN)).hasSize(1);
    assertThat(region.timelineWhats("INC-CALL-call-181-1-1")).containsOnlyOnce("OPENED");
  }
}
