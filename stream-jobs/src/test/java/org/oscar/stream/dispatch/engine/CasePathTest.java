package org.oscar.stream.dispatch.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oscar.stream.dispatch.engine.RegionFixture.CAPITAL;
import static org.oscar.stream.dispatch.engine.RegionFixture.north;

import org.junit.jupiter.api.Test;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.contract.wire.NoticeState;
import org.oscar.contract.wire.UnitStatus;

/** On scene → transporting → handed over → closed, then forgotten after the reopen window. */
class CasePathTest {
  @Test
  void injuredCaseGoesToHospitalIsHandedOverAndClosesWhenUnitsAreReleased() {
    RegionFixture region = new RegionFixture();
    double[] p = north(CAPITAL, 1_000);
    region.unitAvailable("PCR-1", DeviceKind.POLICE, p[0], p[1]);
    region.unitAvailable("AMB-1", DeviceKind.AMBULANCE, p[0], p[1]);
    region.send(region.injuredPress("SURV-1", CAPITAL));
    String id = region.out.incidents.get(0).incidentId();

    region.send(region.status("PCR-1", DeviceKind.POLICE, UnitStatus.ON_SCENE));
    region.send(region.status("AMB-1", DeviceKind.AMBULANCE, UnitStatus.ON_SCENE));
    region.send(region.status("PCR-1", DeviceKind.POLICE, UnitStatus.AVAILABLE));
    assertThat(region.lastView(id).state()).isEqualTo("ON_SCENE");
    region.send(region.status("AMB-1", DeviceKind.AMBULANCE, UnitStatus.TRANSPORTING));
    assertThat(region.lastView(id).state()).isEqualTo("TRANSPORTING");
    region.send(region.status("AMB-1", DeviceKind.AMBULANCE, UnitStatus.AT_FACILITY));
    assertThat(region.lastView(id).state()).isEqualTo("HANDED_OVER");
    region.send(region.status("AMB-1", DeviceKind.AMBULANCE, UnitStatus.AVAILABLE));

    var closed = region.lastView(id);
    assertThat(closed.state()).isEqualTo("CLOSED");
    assertThat(closed.timeline())
        .extracting(t -> t.what())
        .containsSubsequence(
            "OPENED",
            "ASSIGNED",
            "ARRIVED",
            "RELEASED",
            "TRANSPORTING",
            "HANDED_OVER",
            "RELEASED",
            "CLOSED");
    assertThat(closed.timeline())
        .filteredOn(t -> t.what().equals("TRANSPORTING"))
        .singleElement()
        .satisfies(t -> assertThat(t.why()).contains("Capital Hospital"));
    assertThat(region.lastNoticeTo("SURV-1").state()).isEqualTo(NoticeState.CLOSED);
    assertThat(region.book.unit("AMB-1").isAvailable()).isTrue();
  }

  @Test
  void stateOfAClosedIncidentIsClearedAfterTheReopenWindow() {
    RegionFixture region = new RegionFixture();
    double[] p = north(CAPITAL, 1_000);
    region.unitAvailable("PCR-1", DeviceKind.POLICE, p[0], p[1]);
    region.unitAvailable("AMB-1", DeviceKind.AMBULANCE, p[0], p[1]);
    for (int i = 0; i < 20; i++) {
      region.send(region.press("SURV-" + i, CAPITAL));
      region.send(region.status("PCR-1", DeviceKind.POLICE, UnitStatus.ON_SCENE));
      region.send(region.status("PCR-1", DeviceKind.POLICE, UnitStatus.AVAILABLE));
      region.send(region.status("AMB-1", DeviceKind.AMBULANCE, UnitStatus.ON_SCENE));
      region.send(region.status("AMB-1", DeviceKind.AMBULANCE, UnitStatus.AVAILABLE));
    }
    assertThat(region.out.incidents.stream().map(v -> v.incidentId()).distinct()).hasSize(20);
    assertThat(region.book.incidents()).allSatisfy(i -> assertThat(i.isActive()).isFalse());

    region.wait(601);

    assertThat(region.book.incidents()).isEmpty();
    assertThat(region.book.deviceLinks()).isZero();
    assertThat(region.engine.nextDeadline(region.book)).isEqualTo(Long.MAX_VALUE);
  }
}
