package org.oscar.stream.dispatch.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oscar.stream.dispatch.engine.RegionFixture.CAPITAL;
import static org.oscar.stream.dispatch.engine.RegionFixture.north;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oscar.contract.alert.AlertKind;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.contract.wire.NoticeState;
import org.oscar.contract.wire.TaskAction;
import org.oscar.contract.wire.UnitStatus;

class AssignmentRulesTest {
  private RegionFixture region;
  private String incident;

  @BeforeEach
  void pressWithTwoPoliceUnits() {
    region = new RegionFixture();
    double[] first = north(CAPITAL, 800);
    double[] second = north(CAPITAL, 2_000);
    region.unitAvailable("PCR-1", DeviceKind.POLICE, first[0], first[1]);
    region.unitAvailable("PCR-2", DeviceKind.POLICE, second[0], second[1]);
    region.unitAvailable("AMB-1", DeviceKind.AMBULANCE, first[0], first[1]);
    region.send(region.press("SURV-1", CAPITAL));
    incident = region.out.incidents.get(0).incidentId();
  }

  @Test
  void reassignsWhenUnitDoesNotAcknowledge() {
    region.send(region.ack("AMB-1", assignmentOf("AMB-1"), true));

    region.wait(61);

    assertThat(region.tasksTo("PCR-1", TaskAction.WITHDRAW)).hasSize(1);
    assertThat(region.tasksTo("PCR-2", TaskAction.ASSIGN)).hasSize(1);
    assertThat(region.book.unit("PCR-1").strikes()).isEqualTo(1);
    assertThat(region.book.unit("PCR-1").isAvailable()).isTrue();
    assertThat(region.timelineWhats(incident)).contains("WITHDRAWN_STRIKE");
    assertThat(region.tasksTo("AMB-1", TaskAction.WITHDRAW)).isEmpty();
  }

  @Test
  void reassignsWhenUnitDeclinesAndNeverAsksItAgainForThatIncident() {
    region.send(region.ack("PCR-1", assignmentOf("PCR-1"), false));

    assertThat(region.tasksTo("PCR-2", TaskAction.ASSIGN)).hasSize(1);
    assertThat(region.lastView(incident).timeline())
        .anySatisfy(t -> assertThat(t.why()).isEqualTo("declined: vehicle breakdown"));

    region.send(region.ack("PCR-2", assignmentOf("PCR-2"), false));

    assertThat(region.tasksTo("PCR-1", TaskAction.ASSIGN)).hasSize(1);
    assertThat(region.stored(incident).pendingRoles)
        .containsExactly(org.oscar.contract.wire.Role.POLICE);
  }

  @Test
  void anAcceptedUnitIsNotWithdrawnAtTheAckDeadline() {
    region.send(region.ack("PCR-1", assignmentOf("PCR-1"), true));
    region.send(region.status("AMB-1", DeviceKind.AMBULANCE, UnitStatus.EN_ROUTE));

    region.wait(61);

    assertThat(region.out.tasks).noneMatch(t -> t.task().action() == TaskAction.WITHDRAW);
    assertThat(region.lastView(incident).assignments())
        .extracting(a -> a.status())
        .containsOnly("ACCEPTED");
  }

  @Test
  void anAckForAWithdrawnTaskChangesNothing() {
    String stale = assignmentOf("PCR-1");
    region.wait(61);
    int before = region.out.log.size();

    region.send(region.ack("PCR-1", stale, true));

    assertThat(region.out.log).hasSize(before);
  }

  @Test
  void noUnitAvailableEscalatesToControlRoomAndIsFilledWhenAUnitFreesUp() {
    RegionFixture empty = new RegionFixture();
    empty.send(empty.press("SURV-9", CAPITAL));
    String id = empty.out.incidents.get(0).incidentId();

    assertThat(empty.alertsFor(id))
        .filteredOn(a -> a.kind() == AlertKind.ESCALATED)
        .singleElement()
        .satisfies(a -> assertThat(a.roles()).containsExactly("CONTROL_ROOM"));
    assertThat(empty.lastNoticeTo("SURV-9").state()).isEqualTo(NoticeState.RECEIVED);

    double[] place = north(CAPITAL, 1_000);
    empty.unitAvailable("PCR-LATE", DeviceKind.POLICE, place[0], place[1]);

    assertThat(empty.tasksTo("PCR-LATE", TaskAction.ASSIGN)).hasSize(1);
    assertThat(empty.lastNoticeTo("SURV-9").state()).isEqualTo(NoticeState.HELP_COMING);
    assertThat(empty.stored(id).pendingRoles)
        .containsExactly(org.oscar.contract.wire.Role.AMBULANCE);
  }

  @Test
  void goingOffDutyWhileAssignedIsTreatedLikeSilence() {
    region.send(region.status("PCR-1", DeviceKind.POLICE, UnitStatus.OFF_DUTY));

    assertThat(region.tasksTo("PCR-1", TaskAction.WITHDRAW)).hasSize(1);
    assertThat(region.tasksTo("PCR-2", TaskAction.ASSIGN)).hasSize(1);
    assertThat(region.book.unit("PCR-1").strikes()).isEqualTo(1);
  }

  @Test
  void aRepeatedAvailableStatusBeforeArrivalIsNoAnswerToTheTask() {
    region.send(region.status("PCR-1", DeviceKind.POLICE, UnitStatus.AVAILABLE));

    assertThat(region.tasksTo("PCR-1", TaskAction.WITHDRAW)).isEmpty();
    assertThat(region.book.unit("PCR-1").isAvailable()).isFalse();
    assertThat(region.book.unit("PCR-1").strikes()).isZero();
  }

  @Test
  void aUnitThatDropsOffTheBrokerWhileOnItsWayIsTreatedLikeASilentOne() {
    region.send(region.presence("PCR-1", DeviceKind.POLICE, false));

    assertThat(region.tasksTo("PCR-1", TaskAction.WITHDRAW)).hasSize(1);
    assertThat(region.tasksTo("PCR-2", TaskAction.ASSIGN)).hasSize(1);
    assertThat(region.book.unit("PCR-1").strikes()).isEqualTo(1);
    assertThat(region.book.unit("PCR-1").isAvailable()).isFalse();
  }

  @Test
  void anOfflineUnitIsNotOfferedTasksUntilItIsBack() {
    RegionFixture fresh = new RegionFixture();
    double[] p = north(CAPITAL, 500);
    fresh.unitAvailable("PCR-1", DeviceKind.POLICE, p[0], p[1]);
    fresh.send(fresh.presence("PCR-1", DeviceKind.POLICE, false));

    fresh.send(fresh.press("SURV-1", CAPITAL));
    assertThat(fresh.tasksTo("PCR-1")).isEmpty();

    fresh.send(fresh.presence("PCR-1", DeviceKind.POLICE, true));
    assertThat(fresh.tasksTo("PCR-1", TaskAction.ASSIGN)).hasSize(1);
  }

  private String assignmentOf(String unitId) {
    return region
        .tasksTo(unitId, TaskAction.ASSIGN)
        .get(region.tasksTo(unitId, TaskAction.ASSIGN).size() - 1)
        .assignmentId();
  }
}
