package org.oscar.gateway.sim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.oscar.contract.codec.Json;
import org.oscar.contract.region.BundleFacility;
import org.oscar.contract.region.RegionBundle;
import org.oscar.contract.region.RegionCatalog;
import org.oscar.contract.scenario.Scenario;
import org.oscar.contract.wire.DeviceKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes a load scenario: N units and M survivors at seeded random places in the city's core, the
 * presses spread evenly over a duration. With {@code --regions DIR}, a statewide one: N units and M
 * survivors in every region of the bundles, each registered in its region and placed within 15 km
 * of its first One Stop Centre (the district headquarters), inside its boundary. Provision it with
 * {@code oscar devices import-scenario}, then run it with {@code oscar simulate --scenario}. Every
 * position is invented.
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
      names = "--regions",
      description =
          "region bundles (e.g. regions/): the counts are then per region, in every one of them")
  Path regions;

  /** How far from a district's headquarters its statewide units and survivors are placed. */
  static final double STATEWIDE_SPREAD_DEG = 0.14;

  @Option(
      names = "--region",
      defaultValue = "khordha",
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
    if (regions != null) {
      RegionCatalog catalog = RegionCatalog.load(regions).orThrow();
      java.nio.file.Files.writeString(out, Json.toString(generateStatewide(catalog)));
      System.out.printf(
          "wrote %s: %d regions × (%d units, %d survivors) pressing over %d s (seed %d)%n",
          out, catalog.size(), units, survivors, pressesOverSeconds, seed);
      return 0;
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

  /**
   * Every region's units and survivors, ids prefixed by the region's. The presses of all regions
   * are interleaved over the same duration, so every district presses at once.
   */
  Scenario generateStatewide(RegionCatalog catalog) {
    Random random = new Random(seed);
    List<Scenario.UnitSpec> u = new ArrayList<>();
    List<Scenario.SurvivorSpec> s = new ArrayList<>();
    int ambulances = (int) Math.round(units * ambulanceShare);
    int regionIndex = 0;
    int regionCount = catalog.size();
    for (RegionBundle b : catalog.bundles().values()) {
      String code = b.region().toUpperCase(Locale.ROOT);
      for (int i = 0; i < units; i++) {
        boolean ambulance = i < ambulances;
        double[] p = placeIn(catalog, b, random);
        u.add(
            new Scenario.UnitSpec(
                String.format(Locale.ROOT, "%s-%s-%05d", code, ambulance ? "AMB" : "PCR", i),
                ambulance ? DeviceKind.AMBULANCE : DeviceKind.POLICE,
                p[0],
                p[1],
                false,
                false,
                b.region()));
      }
      for (int i = 0; i < survivors; i++) {
        double[] p = placeIn(catalog, b, random);
        long slot = (long) i * regionCount + regionIndex + 1;
        long slots = (long) survivors * regionCount + 1;
        s.add(
            new Scenario.SurvivorSpec(
                String.format(Locale.ROOT, "%s-SURV-%05d", code, i),
                p[0],
                p[1],
                (int) (pressesOverSeconds * slot / slots),
                random.nextDouble() < 0.2,
                null,
                null,
                b.region()));
      }
      regionIndex++;
    }
    return new Scenario(catalog.bundles().keySet().iterator().next(), u, s);
  }

  /** A random place near the region's first One Stop Centre and inside its boundary. */
  private static double[] placeIn(RegionCatalog catalog, RegionBundle b, Random random) {
    BundleFacility hq = b.oscs().get(0);
    return catalog.placeNear(b.region(), hq.lat(), hq.lon(), STATEWIDE_SPREAD_DEG, random);
  }
}
