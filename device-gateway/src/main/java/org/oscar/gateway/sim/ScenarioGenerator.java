package org.oscar.gateway.sim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.oscar.contract.codec.Json;
import org.oscar.contract.scenario.Scenario;
import org.oscar.contract.wire.DeviceKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes a load scenario: N units and M survivors at seeded random places in the city's core, the
 * presses spread evenly over a duration. Provision it with {@code oscar devices import-scenario},
 * then run it with {@code oscar simulate --scenario}. Every position is invented.
 */
@Command(
    name = "oscar scenario",
    mixinStandardHelpOptions = true,
    description = "Generates a load scenario of random units and survivors.")
public final class ScenarioGenerator implements Callable<Integer> {
  // The city's core, where the police jurisdictions are dense.
  private static final double LAT0 = 20.22;
  private static final double LAT_SPAN = 0.14;
  private static final double LON0 = 85.77;
  private static final double LON_SPAN = 0.10;

  @Option(
      names = "--units",
      defaultValue = "200",
      description = "responder units (default: ${DEFAULT-VALUE})")
  int units;

  @Option(
      names = "--ambulance-share",
      defaultValue = "0.4",
      description = "share of units that are ambulances (default: ${DEFAULT-VALUE})")
  double ambulanceShare;

  @Option(
      names = "--survivors",
      defaultValue = "20",
      description = "panic devices that press once each (default: ${DEFAULT-VALUE})")
  int survivors;

  @Option(
      names = "--presses-over-seconds",
      defaultValue = "300",
      description = "spread the presses over this long (default: ${DEFAULT-VALUE})")
  int pressesOverSeconds;

  @Option(
      names = "--region",
      defaultValue = "bhubaneswar",
      description = "dispatch region (default: ${DEFAULT-VALUE})")
  String region;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "random seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--out", required = true, description = "scenario file to write")
  Path out;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ScenarioGenerator()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (units < 0
        || survivors < 0
        || ambulanceShare < 0
        || ambulanceShare > 1
        || pressesOverSeconds < 1) {
      throw new CommandLine.ParameterException(
          new CommandLine(this),
          "counts must be >= 0, --ambulance-share in [0, 1], --presses-over-seconds >= 1");
    }
    java.nio.file.Files.writeString(out, Json.toString(generate()));
    System.out.printf(
        "wrote %s: %d units, %d survivors pressing over %d s (region %s, seed %d)%n",
        out, units, survivors, pressesOverSeconds, region, seed);
    return 0;
  }

  Scenario generate() {
    Random random = new Random(seed);
    List<Scenario.UnitSpec> u = new ArrayList<>(units);
    int ambulances = (int) Math.round(units * ambulanceShare);
    for (int i = 0; i < units; i++) {
      boolean ambulance = i < ambulances;
      u.add(
          new Scenario.UnitSpec(
              String.format(Locale.ROOT, "LOAD-%s-%05d", ambulance ? "AMB" : "PCR", i),
              ambulance ? DeviceKind.AMBULANCE : DeviceKind.POLICE,
              LAT0 + random.nextDouble() * LAT_SPAN,
              LON0 + random.nextDouble() * LON_SPAN));
    }
    List<Scenario.SurvivorSpec> s = new ArrayList<>(survivors);
    for (int i = 0; i < survivors; i++) {
      s.add(
          new Scenario.SurvivorSpec(
              String.format(Locale.ROOT, "LOAD-SURV-%05d", i),
              LAT0 + random.nextDouble() * LAT_SPAN,
              LON0 + random.nextDouble() * LON_SPAN,
              survivors == 0 ? 0 : (int) ((long) pressesOverSeconds * (i + 1) / (survivors + 1)),
              random.nextDouble() < 0.2));
    }
    return new Scenario(region, u, s);
  }
}
