package org.oscar.stream.dispatch.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oscar.contract.region.RegionBundle;
import org.oscar.stream.region.TestRegions;

class DispatchAreaTest {
  private static final RegionBundle KHORDHA = TestRegions.khordha();

  @Test
  void anIncidentWhoseRegionIsGoneRunsOnWithAnotherRegionsPolicyAndIsCounted() {
    DispatchArea area = DispatchArea.of("odisha", List.of(KHORDHA));

    RegionProfile p = area.profile("bhubaneswar");

    assertThat(p.region()).isEqualTo("khordha");
    assertThat(area.holds("bhubaneswar")).isFalse();
    assertThat(area.orphaned()).isEqualTo(1);
  }

  @Test
  void aKeyWhoseRegionsAreAllGoneRunsItsIncidentsOnTheGuardsBundle() {
    // A key restored from a checkpoint taken before its regions were renamed.
    DispatchArea area = DispatchArea.of("bhubaneswar", List.of(), KHORDHA);

    assertThat(area.profile("bhubaneswar").district()).isEqualTo("Khordha");
    assertThat(area.regions()).isEmpty();
  }
}
