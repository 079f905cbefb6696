package org.oscar.stream.dispatch.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oscar.stream.dispatch.engine.RegionFixture.CAPITAL;
import static org.oscar.stream.dispatch.engine.RegionFixture.north;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oscar.contract.alert.AlertEvent;
import org.oscar.contract.alert.AlertKind;
import org.oscar.contract.alert.OfficialPost;
import org.oscar.contract.live.ControlRoomCall;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.contract.wire.OperatorAction;
import org.oscar.stream.event.CancelOutcome;

class ControlRoomCallTest {
  private final RegionFixture region = new RegionFixture();

  private String pressWithUnitsAround() {
    double[] near = north(CAPITAL, 800);
    region.unitAvailable("PCR-1", DeviceKind.POLICE, near[0], near[1]);
    region.unitAvailable("AMB-1", DeviceKind.AMBULANCE, near[0], near[1]);
    region.send(region.press("SURV-1", CAPITAL));
    acceptTasks();
    return region.out.incidents.get(0).incidentId();
  }

  /** Both units accept, so nothing but the call itself can ring again. */
  private void acceptTasks() {
    for (String unit : List.of("PCR-1", "AMB-1")) {
      region.send(region.ack(unit, region.tasksTo(unit).get(0).assignmentId(), true));
    }
  }

  private List<AlertEvent> untaken(String incident) {
    return region.alertsFor(incident).stream().filter(a -> a.kind() == AlertKind.UNTAKEN).toList();
  }

  @Test
  void aPressCallsTheControlRoomAndNobodyHasTakenIt() {
    String incident = pressWithUnitsAround();

    ControlRoomCall call = region.lastView(incident).call();
    assertThat(call.kind()).isEqualTo(ControlRoomCall.NEW);
    assertThat(call.isWaiting()).isTrue();
    assertThat(call.since()).isPositive().isLessThanOrEqualTo(region.now());
  }

  @Test
  void takingTheCallNamesTheOperatorOnTheViewAndTheTimeline() {
    String incident = pressWithUnitsAround();

    region.send(region.operator(OperatorAction.TAKE, "t1", incident, null, null));

    ControlRoomCall call = region.lastView(incident).call();
    assertThat(call.takenBy()).isEqualTo("control.khordha");
    assertThat(call.isWaiting()).isFalse();
    assertThat(region.lastView(incident).timeline())
        .filteredOn(t -> t.what().equals("TAKEN"))
        .singleElement()
        .satisfies(t -> assertThat(t.who()).isEqualTo("operator:control.khordha"));
  }

  @Test
  void aSecondTakeChangesNothing() {
    String incident = pressWithUnitsAround();
    region.send(region.operator(OperatorAction.TAKE, "t1", incident, null, null));
    int views = region.out.incidents.size();

    region.send(region.operator(OperatorAction.TAKE, "t2", incident, null, null));

    assertThat(region.out.incidents).hasSize(views);
    assertThat(region.timelineWhats(incident)).containsOnlyOnce("TAKEN");
  }

  @Test
  void aCallNobodyTakesGoesToTheShiftSupervisorOnceAfterThePolicysWait() {
    String incident = pressWithUnitsAround();

    region.wait(59);
    assertThat(untaken(incident)).isEmpty();
    region.wait(2);
    region.wait(120);

    assertThat(untaken(incident))
        .singleElement()
        .satisfies(a -> assertThat(a.roles()).containsExactly(OfficialPost.SHIFT_SUPERVISOR));
  }

  @Test
  void aTakenCallDoesNotEscalate() {
    String incident = pressWithUnitsAround();
    region.wait(30);
    region.send(region.operator(OperatorAction.TAKE, "t1", incident, null, null));

    region.wait(120);

    assertThat(untaken(incident)).isEmpty();
  }

  @Test
  void noUnitFreeCallsAgainAfterTheCallWasTaken() {
    region.send(region.press("SURV-1", CAPITAL)); // nobody on duty
    String incident = region.out.incidents.get(0).incidentId();
    region.send(region.operator(OperatorAction.TAKE, "t1", incident, null, null));
    assertThat(region.lastView(incident).call().isWaiting()).isFalse();

    region.wait(200); // the next rung of the ladder

    ControlRoomCall call = region.lastView(incident).call();
    assertThat(call.kind()).isEqualTo(ControlRoomCall.NO_UNIT);
    assertThat(call.isWaiting()).isTrue();
  }

  @Test
  void aCaseStillWithoutAUnitAfterTheWholeLadderRingsAgainEachStepAlertingNoOfficialAgain() {
    region.send(region.press("SURV-1", CAPITAL)); // nobody on duty, ever
    String incident = region.out.incidents.get(0).incidentId();
    for (int step = 0; step < 4; step++) {
      region.wait(181); // a rung of the ladder each step: CONTROL_ROOM, SHO, SP, DM
    }
    long escalated = escalations(incident);
    region.send(region.operator(OperatorAction.TAKE, "t1", incident, null, null));
    region.wait(170);
    assertThat(region.lastView(incident).call().isWaiting()).isFalse();

    region.wait(11); // a ladder step after the take

    ControlRoomCall call = region.lastView(incident).call();
    assertThat(call.kind()).isEqualTo(ControlRoomCall.NO_UNIT);
    assertThat(call.isWaiting()).isTrue();
    assertThat(call.why()).contains("every post on the ladder was alerted");
    assertThat(escalations(incident)).isEqualTo(escalated).isEqualTo(4);

    // Taken again, it stays quiet until the next step; left untaken it rings on, nothing added.
    region.send(region.operator(OperatorAction.TAKE, "t2", incident, null, null));
    region.wait(60);
    assertThat(region.lastView(incident).call().isWaiting()).isFalse();
    region.wait(130);
    long since = region.lastView(incident).call().since();
    region.wait(3_600);
    assertThat(region.lastView(incident).call().since()).isEqualTo(since);
    assertThat(region.engine.nextDeadline(region.book)).isEqualTo(Long.MAX_VALUE);
  }

  private long escalations(String incident) {
    return region.alertsFor(incident).stream().filter(a -> a.kind() == AlertKind.ESCALATED).count();
  }

  @Test
  void aDuressCancelRingsInTheControlRoom() {
    String incident = pressWithUnitsAround();
    region.send(region.operator(OperatorAction.TAKE, "t1", incident, null, null));

    region.send(region.cancel("SURV-1", CancelOutcome.DURESS));

    assertThat(region.lastView(incident).call().kind()).isEqualTo(ControlRoomCall.DURESS);
    assertThat(region.lastView(incident).call().isWaiting()).isTrue();
  }

  @Test
  void aCaseTheOperatorOpenedIsHersFromTheStart() {
    double[] near = north(CAPITAL, 800);
    region.unitAvailable("PCR-1", DeviceKind.POLICE, near[0], near[1]);
    region.unitAvailable("AMB-1", DeviceKind.AMBULANCE, near[0], near[1]);
    region.send(region.operator(OperatorAction.OPEN, "c1", null, null, CAPITAL));
    acceptTasks();
    String incident = region.out.incidents.get(0).incidentId();

    assertThat(region.lastView(incident).call().takenBy()).isEqualTo("control.khordha");
    region.wait(120);
    assertThat(untaken(incident)).isEmpty();
  }

  @Test
  void anEndedCaseDoesNotRing() {
    String incident = pressWithUnitsAround();

    region.send(region.cancel("SURV-1", CancelOutcome.VALID));

    assertThat(region.lastView(incident).call()).isNull();
    region.wait(120);
    assertThat(untaken(incident)).isEmpty();
  }
}
