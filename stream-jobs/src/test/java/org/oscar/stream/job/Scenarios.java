package org.oscar.stream.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.oscar.contract.live.LiveKeys;
import org.oscar.contract.scenario.Scenario;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.contract.wire.TaskMessage;

/** Scenario files for the integration tests that run the job as its own process. */
final class Scenarios {
  static final String REGION = "khordha";

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
            new Scenario.SurvivorSpec(prefix + "-SURV-1", lat, lon, 0, false, null, null, null),
            new Scenario.SurvivorSpec(prefix + "-SURV-2", lat, lon, 0, false, null, null, null)));
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

  /**
   * After the job lost a process and came back, with {@code <prefix>-SURV-2} having pressed while
   * it was away: the unit tasked before accepts and {@code -SURV-1} presses again. Asserts that the
   * incident opened before kept its state (the acceptance is taken, the press joins it, it was
   * opened and assigned once), that the press made meanwhile opened an incident, and that no
   * official of either was alerted twice. Returns the second incident's id.
   */
  static String carriedOn(
      LocalStack stack, Devices devices, String prefix, TaskMessage first, double lat, double lon)
      throws Exception {
    devices.ack(prefix + "-PCR-1", first.assignmentId(), true);
    devices.press(prefix + "-SURV-1", lat, lon, false); // she presses again: the same emergency
    await()
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .untilAsserted(
            () ->
                assertThat(stack.timeline(first.incidentId()))
                    .contains("ACCEPTED", "PRESSED_AGAIN"));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> !stack.incidentsOf(prefix + "-SURV-2").isEmpty());
    String second = stack.incidentsOf(prefix + "-SURV-2").get(0);
    assertThat(stack.incidentsOf(prefix + "-SURV-1")).containsExactly(first.incidentId());
    assertThat(stack.timeline(first.incidentId())).containsOnlyOnce("OPENED", "ASSIGNED_POLICE");
    for (String incident : List.of(first.incidentId(), second)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> stack.notifications(incident).size() >= 2);
      List<String> alerts = stack.notifications(incident);
      assertThat(new HashSet<>(alerts)).hasSameSizeAs(alerts);
    }
    return second;
  }
}
