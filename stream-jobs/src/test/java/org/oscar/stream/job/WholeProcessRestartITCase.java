package org.oscar.stream.job;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oscar.contract.codec.Json;
import org.oscar.contract.wire.TaskMessage;
import org.oscar.testkit.JvmProcess;

/**
 * The job's whole process killed (SIGKILL) and started again: it resumes from the last checkpoint
 * in its checkpoint directory, and the broker's persistent session gives it what was published
 * meanwhile. The incident opened before the kill is still known (its unit's acknowledgement is
 * taken, a second press joins it), a press made while the job was down is dispatched, and no
 * official is alerted twice.
 */
class WholeProcessRestartITCase {
  private static final double LAT = 20.265367;
  private static final double LON = 85.828033;

  private static LocalStack stack;
  private static MqttTestClient mqtt;
  private static Devices devices;
  private static Path work;
  private static Process job;

  @BeforeAll
  static void start() throws Exception {
    stack = new LocalStack();
    work = Files.createTempDirectory("oscar-restart-it");
    Files.writeString(
        work.resolve("scenario.json"), Json.toString(Scenarios.twoOfEach("R", LAT, LON)));
    mqtt = new MqttTestClient(stack.mosquitto.url());
    mqtt.subscribe("oscar/v1/unit/+/task", "oscar/v1/dev/+/notice");
    devices = new Devices(mqtt);
  }

  @AfterAll
  static void stop() throws Exception {
    if (job != null) {
      job.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    mqtt.close();
    stack.close();
  }

  @Test
  void aKilledJobProcessResumesFromItsLastCheckpointWithNothingLostOrRepeated() throws Exception {
    job = startJobProcess(1);
    Scenarios.unitsReady(stack, devices, "R", LAT, LON);
    devices.press("R-SURV-1", LAT, LON, false);
    TaskMessage first = devices.firstAssignment("R-PCR-1");
    long pressedAt = System.currentTimeMillis();
    await().atMost(Duration.ofSeconds(20)).until(() -> newestCheckpointAt() > pressedAt + 500);

    job.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no goodbye, no final checkpoint
    devices.press("R-SURV-2", LAT + 0.001, LON, false); // while the job is down
    job = startJobProcess(2);

    String second = Scenarios.carriedOn(stack, devices, "R", first, LAT, LON);
    System.out.printf(
        "whole-process restart: resumed from %s; incident %s kept its state, %s opened while the"
            + " job was down; alerts %s and %s, none twice%n",
        Files.readString(work.resolve("job-2.log"))
            .lines()
            .filter(l -> l.contains("resuming from"))
            .findFirst()
            .orElse("?"),
        first.incidentId(),
        second,
        stack.notifications(first.incidentId()),
        stack.notifications(second));
  }

  private static Process startJobProcess(int run) throws Exception {
    Map<String, String> env =
        stack.jobSettings("restart-it", work.resolve("scenario.json"), work.resolve("checkpoints"));
    Path log = work.resolve("job-" + run + ".log");
    Process p =
        JvmProcess.start(
            OscarJobMain.class.getName(),
            env,
            log,
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED");
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              if (!p.isAlive()) {
                throw new IllegalStateException("job process exited; see " + log);
              }
              return Files.readString(log).contains("MQTT source restart-it-events subscribed");
            });
    return p;
  }

  private static long newestCheckpointAt() throws Exception {
    Path dir = work.resolve("checkpoints");
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.find(dir, 3, (p, a) -> p.endsWith("_metadata"))) {
      return files.mapToLong(p -> p.toFile().lastModified()).max().orElse(0);
    }
  }
}
