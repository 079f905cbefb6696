package org.oscar.stream.job;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.oscar.contract.live.LiveKeys;
import org.oscar.contract.scenario.Scenario;
import org.oscar.contract.wire.DeviceKind;

/** Scenario files for the integration tests that run the job as its own process. */
final class Scenarios {
  static final String REGION = "bhubaneswar";

  private Scenarios() {}

  /**
   * Two police vehicles and two ambulances ~1.1 and ~2.2 km north of a place, and two survivors'
   * devices at it: {@code <prefix>-PCR-1}, {@code -PCR-2}, {@code -AMB-1}, {@code -AMB-2}, {@code
   * -SURV-1}, {@code -SURV-2}.
   */
  static Scenario twoOfEach(String prefix, double lat, double lon) {
    return new Scenario(
        REGION,
        List.of(
            new Scenario.UnitSpec(prefix + "-PCR-1", DeviceKind.POLICE, lat + 0.01, lon),
            new Scenario.UnitSpec(prefix + "-PCR-2", DeviceKind.POLICE, lat + 0.02, lon),
            new Scenario.UnitSpec(prefix + "-AMB-1", DeviceKind.AMBULANCE, lat + 0.01, lon),
            new Scenario.UnitSpec(prefix + "-AMB-2", DeviceKind.AMBULANCE, lat + 0.02, lon)),
        List.of(
            new Scenario.SurvivorSpec(prefix + "-SURV-1", lat, lon, 0, false, null, null),
            new Scenario.SurvivorSpec(prefix + "-SURV-2", lat, lon, 0, false, null, null)));
  }

  /**
   * Reports the units of {@link #twoOfEach} available at their places until the job has them all in
   * live state (the job may still be starting, so the reports are repeated).
   */
  static void unitsReady(LocalStack stack, Devices devices, String prefix, double lat, double lon) {
    List<String> units =
        List.of(prefix + "-PCR-1", prefix + "-PCR-2", prefix + "-AMB-1", prefix + "-AMB-2");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              for (String u : units) {
                devices.unitStatus(u, "AVAILABLE");
                devices.unitAt(u, lat + (u.endsWith("1") ? 0.01 : 0.02), lon);
              }
              return stack.redisClient.scard(LiveKeys.regionUnits(REGION)) == units.size();
            });
  }
}
