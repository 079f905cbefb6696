package org.oscar.stream.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oscar.contract.scenario.Scenario;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.stream.directory.DeviceDirectory;
import org.oscar.stream.geo.Jurisdictions;
import org.oscar.stream.region.TestRegions;

/** The scenario the local run ships with loads, and every place in it is in Bhubaneswar. */
class DemoScenarioTest {
  private static final Path DEMO = Path.of("../deploy/local/scenario/bhubaneswar-demo.json");

  @Test
  void theDemoScenarioLoadsIntoADeviceDirectory() {
    Scenario scenario = Scenario.load(DEMO);
    DeviceDirectory directory = DeviceDirectory.of(scenario);

    assertThat(directory.size()).isEqualTo(scenario.units().size() + scenario.survivors().size());
    assertThat(scenario.units()).anyMatch(u -> u.kind() == DeviceKind.POLICE && u.silent());
    assertThat(scenario.units()).anyMatch(u -> u.kind() == DeviceKind.AMBULANCE);
    assertThat(scenario.survivors()).isNotEmpty();
  }

  @Test
  void everyPlaceInTheDemoIsInsideAPoliceJurisdiction() {
    Scenario scenario = Scenario.load(DEMO);
    Jurisdictions khordha = Jurisdictions.of(List.of(TestRegions.khordha()));

    // A station's, not the district control room's: the demo is Bhubaneswar.
    assertThat(scenario.units())
        .allSatisfy(
            u ->
                assertThat(khordha.at(u.lat(), u.lon()))
                    .get()
                    .asString()
                    .endsWith("Police Station"));
    assertThat(scenario.survivors())
        .allSatisfy(
            s ->
                assertThat(khordha.at(s.lat(), s.lon()))
                    .get()
                    .asString()
                    .endsWith("Police Station"));
  }
}
