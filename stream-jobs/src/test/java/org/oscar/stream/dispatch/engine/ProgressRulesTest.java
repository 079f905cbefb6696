package org.oscar.stream.dispatch.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oscar.stream.dispatch.engine.RegionFixture.CAPITAL;
import static org.oscar.stream.dispatch.engine.RegionFixture.north;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oscar.contract.alert.AlertEvent;
import org.oscar.contract.alert.AlertKind;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.contract.wire.NoticeState;
import org.oscar.contract.wire.TaskAction;
import org.oscar.stream.event.DeviceEvent;
import org.oscar.stream.event.EventKind;

/** ETA refresh, stall and lateness escalation, arrival by geofence. */
class ProgressRulesTest {
  private RegionFixture region;
  private String incident;

  @BeforeEach
  void unitsAcceptedAndOnTheirWay() {
    region = new RegionFixture();
    double[] start = north(CAPITAL, 3_000);
    region.unitAvailable("PCR-1", DeviceKind.POLICE, start[0], start[1]);
    region.unitAvailable("AMB-1", DeviceKind.AMBULANCE, start[0], start[1]);
    region.send(region.press("SURV-1", CAPITAL));
    incident = region.out.incidents.get(0).incidentId();
    for (String unit : List.of("PCR-1", "AMB-1")) {
      region.send(region.ack(unit, region.tasksTo(unit).get(0).assignmentId(), true));
    }
  }

  @Test
  void refreshesEtaOnEveryPositionAndPushesItWhenItChangesMaterially() {
    long first = region.tasksTo("PCR-1").get(0).etaS();
    double[] closer = north(CAPITAL, 2_950);
    region.send(region.unitAt("PCR-1", DeviceKind.POLICE, closer[0], closer[1]));

    assertThat(region.tasksTo("PCR-1", TaskAction.UPDATE)).isEmpty();
    assertThat(region.lastView(incident).assignments().get(0).etaS()).isLessThan(first);

    double[] halfway = north(CAPITAL, 1_500);
    region.send(region.unitAt("PCR-1", DeviceKind.POLICE, halfway[0], halfway[1]));

    var update = region.tasksTo("PCR-1", TaskAction.UPDATE);
    assertThat(update).singleElement().satisfies(t -> assertThat(t.etaS()).isLessThan(first - 60));
    assertThat(region.lastNoticeTo("SURV-1").state()).isEqualTo(NoticeState.HELP_COMING);
  }

  @Test
  void aPositionOverTakenByANewerOneIsIgnoredSoItCannotMoveTheUnitBack() {
    double[] halfway = north(CAPITAL, 1_500);
    double[] far = north(CAPITAL, 2_900);
    DeviceEvent older = region.unitAt("PCR-1", DeviceKind.POLICE, far[0], far[1]);
    DeviceEvent newer = region.unitAt("PCR-1", DeviceKind.POLICE, halfway[0], halfway[1]);

    region.send(newer);
    long etaAfterNewer = region.lastView(incident).assignments().get(0).etaS();
    region.send(older);

    assertThat(region.book.unit("PCR-1").lat()).isEqualTo(halfway[0]);
    assertThat(region.lastView(incident).assignments().get(0).etaS()).isEqualTo(etaAfterNewer);
  }

  @Test
  void aPositionFromADeviceWhoseCounterRestartedIsStillHeard() {
    double[] halfway = north(CAPITAL, 1_500);
    region.send(region.unitAt("PCR-1", DeviceKind.POLICE, halfway[0], halfway[1]));
    double[] closer = north(CAPITAL, 900);
    DeviceEvent afterReboot =
        new DeviceEvent.Builder(
                EventKind.UNIT_POSITION, "PCR-1", DeviceKind.POLICE, RegionFixture.REGION)
            .timing(1, region.now() + 1_000, region.now() + 1_000)
            .at(closer[0], closer[1])
            .build();

    region.send(afterReboot);

    assertThat(region.book.unit("PCR-1").lat()).isEqualTo(closer[0]);
  }

  @Test
  void stallClimbsTheLadderOneRungAtATimeEachOnce() {
    // Nobody moves at all: after the stall window, then a rung every ladder step.
    region.wait(181);
    region.wait(180);
    region.wait(180);
    region.wait(180);
    region.wait(1_000);

    List<AlertEvent> escalations =
        region.alertsFor(incident).stream().filter(a -> a.kind() == AlertKind.ESCALATED).toList();
    assertThat(escalations)
        .extracting(a -> a.level() + " " + a.roles())
        .containsExactly(
            "ESCALATION-1 [CONTROL_ROOM]",
            "ESCALATION-2 [SHO]",
            "ESCALATION-3 [SP]",
            "ESCALATION-4 [DM]");
    assertThat(region.engine.nextDeadline(region.book)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void aUnitThatKeepsClosingTheDistanceAndIsOnTimeDoesNotEscalate() {
    for (int m = 2_800; m > 400; m -= 200) {
      region.wait(15);
      double[] p = north(CAPITAL, m);
      region.send(region.unitAt("PCR-1", DeviceKind.POLICE, p[0], p[1]));
      region.send(region.unitAt("AMB-1", DeviceKind.AMBULANCE, p[0], p[1]));
    }

    assertThat(region.alertsFor(incident)).noneMatch(a -> a.kind() == AlertKind.ESCALATED);
  }

  @Test
  void aUnitLatePastItsPromisedArrivalEscalates() {
    long eta = region.tasksTo("PCR-1").get(0).etaS();
    // Creeping closer (so not stalled) but far too slowly.
    int steps = (int) ((eta + Math.max(180, eta / 2)) / 60) + 2;
    for (int i = 1; i <= steps; i++) {
      region.wait(60);
      double[] p = north(CAPITAL, 3_000 - 60 * i);
      region.send(region.unitAt("PCR-1", DeviceKind.POLICE, p[0], p[1]));
      region.send(region.unitAt("AMB-1", DeviceKind.AMBULANCE, p[0], p[1]));
    }

    assertThat(region.alertsFor(incident))
        .filteredOn(a -> a.kind() == AlertKind.ESCALATED)
        .first()
        .satisfies(a -> assertThat(a.reason()).contains("late past its promised arrival"));
  }

  @Test
  void arrivalIsDetectedByGeofenceAndTheSurvivorIsTold() {
    double[] outside = north(CAPITAL, 200);
    region.send(region.unitAt("PCR-1", DeviceKind.POLICE, outside[0], outside[1]));
    assertThat(region.lastView(incident).state()).isEqualTo("OPEN");

    double[] inside = north(CAPITAL, 120);
    region.send(region.unitAt("PCR-1", DeviceKind.POLICE, inside[0], inside[1]));

    assertThat(region.lastView(incident).state()).isEqualTo("ON_SCENE");
    assertThat(region.lastNoticeTo("SURV-1").state()).isEqualTo(NoticeState.UNIT_ARRIVED);
    assertThat(region.lastView(incident).assignments())
        .filteredOn(a -> a.unitId().equals("PCR-1"))
        .singleElement()
        .satisfies(a -> assertThat(a.status()).isEqualTo("ARRIVED"));
  }

  @Test
  void tellsHerThatAUnitArrivedOnceNotAgainForEveryLaterUpdate() {
    double[] there = north(CAPITAL, 50);
    region.send(region.unitAt("PCR-1", DeviceKind.POLICE, there[0], there[1]));
    for (int m = 2_500; m > 500; m -= 500) {
      double[] p = north(CAPITAL, m);
      region.send(region.unitAt("AMB-1", DeviceKind.AMBULANCE, p[0], p[1]));
    }

    assertThat(region.noticesTo("SURV-1"))
        .filteredOn(n -> n.state() == NoticeState.UNIT_ARRIVED)
        .hasSize(1);
    assertThat(region.tasksTo("AMB-1", TaskAction.UPDATE)).isNotEmpty();
  }

  @Test
  void theDeadlineIsTheEarliestThingThatCanHappen() {
    RegionFixture fresh = new RegionFixture();
    double[] p = north(CAPITAL, 800);
    fresh.unitAvailable("PCR-1", DeviceKind.POLICE, p[0], p[1]);
    assertThat(fresh.engine.nextDeadline(fresh.book)).isEqualTo(Long.MAX_VALUE);

    fresh.send(fresh.press("SURV-1", CAPITAL));

    assertThat(fresh.engine.nextDeadline(fresh.book))
        .isEqualTo(fresh.tasksTo("PCR-1").get(0).ackBy());
  }
}
