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
import org.oscar.contract.wire.TaskAction;
import org.oscar.stream.event.CancelOutcome;

/** She moves, she cancels, she is under duress. */
class SurvivorRulesTest {
  private RegionFixture region;
  private String incident;

  @BeforeEach
  void pressWithUnitsOnTheWay() {
    region = new RegionFixture();
    double[] p = north(CAPITAL, 1_500);
    region.unitAvailable("PCR-1", DeviceKind.POLICE, p[0], p[1]);
    region.unitAvailable("AMB-1", DeviceKind.AMBULANCE, p[0], p[1]);
    region.send(region.press("SURV-1", CAPITAL));
    incident = region.out.incidents.get(0).incidentId();
  }

  @Test
  void survivorMovesTheIncidentFollowsAndUnitsAreRerouted() {
    double[] moved = north(CAPITAL, -600);

    region.send(region.survivorAt("SURV-1", moved[0], moved[1]));

    var view = region.lastView(incident);
    assertThat(view.lat()).isEqualTo(moved[0]);
    var update = region.tasksTo("PCR-1", TaskAction.UPDATE);
    assertThat(update).singleElement().satisfies(t -> assertThat(t.lat()).isEqualTo(moved[0]));
    assertThat(update.get(0).etaS()).isGreaterThan(region.tasksTo("PCR-1").get(0).etaS());
    assertThat(region.timelineWhats(incident)).contains("MOVED");
  }

  @Test
  void smallJitterInHerPositionDoesNotMoveTheIncident() {
    double[] jitter = north(CAPITAL, 20);

    region.send(region.survivorAt("SURV-1", jitter[0], jitter[1]));

    assertThat(region.tasksTo("PCR-1", TaskAction.UPDATE)).isEmpty();
  }

  @Test
  void aMuchNearerFreeUnitTakesOverWhenSheMovesFarAway() {
    region.unitAvailable("PCR-INFOCITY", DeviceKind.POLICE, INFOCITY[0], INFOCITY[1] + 0.003);

    region.send(region.survivorAt("SURV-1", INFOCITY[0], INFOCITY[1]));

    assertThat(region.tasksTo("PCR-1", TaskAction.WITHDRAW)).hasSize(1);
    assertThat(region.book.unit("PCR-1").strikes()).isZero();
    assertThat(region.tasksTo("PCR-INFOCITY", TaskAction.ASSIGN)).hasSize(1);
    assertThat(region.lastView(incident).jurisdiction()).isEqualTo("Infocity Police Station");
    // No free ambulance nearer: the same one is re-routed.
    assertThat(region.tasksTo("AMB-1", TaskAction.UPDATE)).hasSize(1);
  }

  @Test
  void cancelWithHerPinWithdrawsUnitsAndTellsEveryAlertedOfficial() {
    region.send(region.cancel("SURV-1", CancelOutcome.VALID));

    assertThat(region.lastView(incident).state()).isEqualTo("CANCELLED");
    assertThat(region.tasksTo("PCR-1", TaskAction.WITHDRAW)).hasSize(1);
    assertThat(region.tasksTo("AMB-1", TaskAction.WITHDRAW)).hasSize(1);
    assertThat(region.book.unit("PCR-1").isAvailable()).isTrue();
    assertThat(region.lastNoticeTo("SURV-1").state()).isEqualTo(NoticeState.CANCELLED);
    assertThat(region.alertsFor(incident))
        .filteredOn(a -> a.kind() == AlertKind.CANCELLED)
        .singleElement()
        .satisfies(a -> assertThat(a.roles()).containsExactly("SHO", "OSC_ADMIN"));
    assertThat(region.engine.nextDeadline(region.book)).isEqualTo(region.now() + 600_000);
  }

  @Test
  void duressPinLooksCancelledButEscalates() {
    region.send(region.cancel("SURV-1", CancelOutcome.DURESS));

    assertThat(region.lastNoticeTo("SURV-1").state()).isEqualTo(NoticeState.CANCELLED);
    assertThat(region.out.tasks).noneMatch(t -> t.task().action() == TaskAction.WITHDRAW);
    var view = region.lastView(incident);
    assertThat(view.state()).isEqualTo("OPEN");
    assertThat(view.serious()).isTrue();
    assertThat(region.alertsFor(incident))
        .filteredOn(a -> a.kind() == AlertKind.SERIOUS)
        .singleElement()
        .satisfies(a -> assertThat(a.roles()).contains("SP", "DM", "CMO"));

    // The rescue goes on, silently as far as her device is concerned.
    int noticesBefore = region.noticesTo("SURV-1").size();
    double[] there = north(CAPITAL, 50);
    region.send(region.unitAt("PCR-1", DeviceKind.POLICE, there[0], there[1]));
    assertThat(region.lastView(incident).state()).isEqualTo("ON_SCENE");
    assertThat(region.noticesTo("SURV-1")).hasSize(noticesBefore);
  }

  @Test
  void herDeviceDroppingOffIsOnTheRecordAndChangesNothingElse() {
    int tasks = region.out.tasks.size();

    region.send(region.presence("SURV-1", DeviceKind.PANIC, false));

    assertThat(region.timelineWhats(incident)).contains("DEVICE_OFFLINE");
    assertThat(region.out.tasks).hasSize(tasks);
    assertThat(region.lastView(incident).state()).isEqualTo("OPEN");
  }

  @Test
  void wrongPinCancelsNothingButIsOnTheRecord() {
    region.send(region.cancel("SURV-1", CancelOutcome.WRONG));

    assertThat(region.lastView(incident).state()).isEqualTo("OPEN");
    assertThat(region.out.tasks).noneMatch(t -> t.task().action() == TaskAction.WITHDRAW);
    assertThat(region.lastNoticeTo("SURV-1").state()).isEqualTo(NoticeState.HELP_COMING);
    assertThat(region.timelineWhats(incident)).contains("CANCEL_REFUSED");
  }
}
