package org.oscar.stream.dispatch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oscar.contract.region.RegionBundle;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.contract.wire.Role;
import org.oscar.stream.dispatch.reference.DispatchArea;
import org.oscar.stream.region.TestRegions;

/**
 * The 30 Odisha districts share one dispatch region, as shipped: a press is served by the district
 * that holds it, its police come from that district only, and an ambulance may come from across the
 * border, unless the district's policy says otherwise.
 */
class CrossBorderTest {
  /** In Cuttack, 2 km north of the Khordha border (Bhubaneswar's Infocity). */
  static final double[] CUTTACK_NEAR_BORDER = {20.42, 85.84};

  /** In Khordha, on its side of the same border. */
  static final double[] KHORDHA_NEAR_BORDER = {20.40, 85.84};

  /** Cuttack town, 6 km further north. */
  static final double[] CUTTACK_TOWN = {20.465, 85.879};

  private static RegionFixture odisha(RegionBundle... replaced) {
    List<RegionBundle> bundles = new ArrayList<>(TestRegions.odisha().bundles().values());
    for (RegionBundle r : replaced) {
      bundles.removeIf(b -> b.region().equals(r.region()));
      bundles.add(r);
    }
    return new RegionFixture(DispatchArea.of("odisha", bundles), "khordha");
  }

  private static void fleet(RegionFixture f) {
    f.in("khordha");
    f.unitAvailable("PCR-KHO", DeviceKind.POLICE, KHORDHA_NEAR_BORDER[0], KHORDHA_NEAR_BORDER[1]);
    f.unitAvailable(
        "AMB-KHO", DeviceKind.AMBULANCE, KHORDHA_NEAR_BORDER[0], KHORDHA_NEAR_BORDER[1]);
    f.in("cuttack");
    f.unitAvailable("PCR-CTC", DeviceKind.POLICE, CUTTACK_TOWN[0], CUTTACK_TOWN[1]);
    f.unitAvailable("AMB-CTC", DeviceKind.AMBULANCE, CUTTACK_TOWN[0], CUTTACK_TOWN[1]);
  }

  @Test
  void theTestPlacesLieWhereTheirNamesSay() {
    assertThat(TestRegions.odisha().regionAt(CUTTACK_NEAR_BORDER[0], CUTTACK_NEAR_BORDER[1]))
        .contains("cuttack");
    assertThat(TestRegions.odisha().regionAt(KHORDHA_NEAR_BORDER[0], KHORDHA_NEAR_BORDER[1]))
        .contains("khordha");
  }

  @Test
  void aPressInCuttackGetsCuttacksPoliceAndTheNearestAmbulanceFromAcrossTheBorder() {
    RegionFixture f = odisha();
    fleet(f);

    f.in("cuttack").send(f.press("SURV-1", CUTTACK_NEAR_BORDER));

    var view = f.lastView(f.out.incidents.get(0).incidentId());
    assertThat(view.region()).isEqualTo("cuttack");
    assertThat(view.district()).isEqualTo("Cuttack");
    assertThat(view.osc().id()).isEqualTo("OSC-CUTTACK");
    assertThat(view.jurisdiction()).isEqualTo("Cuttack District Police Control Room");
    assertThat(view.assignments())
        .extracting(a -> a.role() + ":" + a.unitId())
        .containsExactly("POLICE:PCR-CTC", "AMBULANCE:AMB-KHO");
  }

  @Test
  void aPressInKhordhaIsNotGivenCuttacksPoliceEvenWhenTheyAreNearer() {
    RegionFixture f = odisha();
    f.in("cuttack");
    f.unitAvailable(
        "PCR-CTC-NEAR", DeviceKind.POLICE, CUTTACK_NEAR_BORDER[0], CUTTACK_NEAR_BORDER[1]);
    f.in("khordha");
    f.unitAvailable("PCR-KHO-FAR", DeviceKind.POLICE, 20.27, 85.84);

    f.send(f.press("SURV-2", KHORDHA_NEAR_BORDER));

    assertThat(f.lastView(f.out.incidents.get(0).incidentId()).assignments())
        .extracting(a -> a.role() + ":" + a.unitId())
        .containsExactly("POLICE:PCR-KHO-FAR");
  }

  @Test
  void withNoPoliceOfItsOwnTheIncidentWaitsRatherThanBorrowAnotherDistricts() {
    RegionFixture f = odisha();
    f.in("khordha");
    f.unitAvailable("PCR-KHO", DeviceKind.POLICE, KHORDHA_NEAR_BORDER[0], KHORDHA_NEAR_BORDER[1]);

    f.in("cuttack").send(f.press("SURV-3", CUTTACK_NEAR_BORDER));

    String id = f.out.incidents.get(0).incidentId();
    assertThat(f.tasksTo("PCR-KHO")).isEmpty();
    assertThat(f.stored(id).pendingRoles).contains(Role.POLICE);
    assertThat(f.timelineWhats(id)).contains("NO_UNIT", "ALERTED_ESCALATED");
  }

  @Test
  void aDistrictWhosePolicyKeepsAmbulancesHomeGetsItsOwn() {
    RegionBundle cuttack = TestRegions.odisha().bundle("cuttack").orElseThrow();
    RegionFixture f =
        odisha(cuttack.withPolicy(cuttack.dispatchPolicy().withCrossBorderRoles(List.of())));
    fleet(f);

    f.in("cuttack").send(f.press("SURV-4", CUTTACK_NEAR_BORDER));

    assertThat(f.lastView(f.out.incidents.get(0).incidentId()).assignments())
        .extracting(a -> a.role() + ":" + a.unitId())
        .containsExactly("POLICE:PCR-CTC", "AMBULANCE:AMB-CTC");
  }

  @Test
  void aDistrictThatAllowsItCanBeSentPoliceFromAcrossTheBorder() {
    RegionBundle cuttack = TestRegions.odisha().bundle("cuttack").orElseThrow();
    RegionFixture f =
        odisha(
            cuttack.withPolicy(
                cuttack
                    .dispatchPolicy()
                    .withCrossBorderRoles(List.of(Role.POLICE, Role.AMBULANCE))));
    fleet(f);

    f.in("cuttack").send(f.press("SURV-5", CUTTACK_NEAR_BORDER));

    assertThat(f.lastView(f.out.incidents.get(0).incidentId()).assignments())
        .extracting(a -> a.role() + ":" + a.unitId())
        .containsExactly("POLICE:PCR-KHO", "AMBULANCE:AMB-KHO");
  }
}
