package org.oscar.gateway.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oscar.contract.scenario.Scenario;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.contract.wire.Topics;
import picocli.CommandLine;

class ScenarioGeneratorTest {
  @Test
  void writesALoadScenarioThatLoadsBackWithValidIdsAndSpreadPresses(@TempDir Path dir) {
    Path file = dir.resolve("load.json");

    int exit =
        new CommandLine(new ScenarioGenerator())
            .execute(
                "--units",
                "50",
                "--survivors",
                "10",
                "--presses-over-seconds",
                "110",
                "--out",
                file.toString());

    assertThat(exit).isZero();
    Scenario s = Scenario.load(file);
    assertThat(s.units()).hasSize(50);
    assertThat(s.units()).filteredOn(u -> u.kind() == DeviceKind.AMBULANCE).hasSize(20);
    assertThat(s.units()).allSatisfy(u -> assertThat(Topics.isValidId(u.id())).isTrue());
    assertThat(s.survivors())
        .extracting(Scenario.SurvivorSpec::pressAfterS)
        .containsExactly(10, 20, 30, 40, 50, 60, 70, 80, 90, 100);
  }

  @Test
  void theSameSeedGivesTheSameScenario() {
    ScenarioGenerator a = new ScenarioGenerator();
    new CommandLine(a).parseArgs("--seed", "7", "--out", "x");
    ScenarioGenerator b = new ScenarioGenerator();
    new CommandLine(b).parseArgs("--seed", "7", "--out", "y");

    assertThat(a.generate()).isEqualTo(b.generate());
  }
}
