package org.oscar.stream.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oscar.contract.codec.Json;
import org.oscar.contract.wire.TaskMessage;
import org.oscar.testkit.FreePort;

/**
 * The job jar, unchanged, on a standalone Flink cluster of separate processes (a JobManager and two
 * TaskManagers started by {@code deploy/flink-cluster/cluster.sh}, the documented command), against
 * a real Mosquitto, Redis and alert API. One TaskManager is killed with SIGKILL while a case is
 * open: Flink restarts the job on the other from its last checkpoint, the open case keeps its
 * state, a press made during the failure is dispatched, and no official is alerted twice.
 */
class StandaloneClusterITCase {
  private static final double LAT = 20.265367;
  private static final double LON = 85.828033;
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static LocalStack stack;
  private static MqttTestClient mqtt;
  private static Devices devices;
  private static Path work;
  private static Map<String, String> clusterEnv;
  private static String restUrl;

  @BeforeAll
  static void start() throws Exception {
    stack = new LocalStack();
    work = Files.createTempDirectory("oscar-cluster-it");
    Files.writeString(
        work.resolve("scenario.json"), Json.toString(Scenarios.twoOfEach("C", LAT, LON)));
    int restPort = FreePort.pick();
    int metricsPort = FreePort.pick();
    restUrl = "http://127.0.0.1:" + restPort;
    clusterEnv =
        Map.of(
            "OSCAR_FLINK_DIR", work.resolve("cluster").toString(),
            "OSCAR_FLINK_RPC_PORT", String.valueOf(FreePort.pick()),
            "OSCAR_FLINK_REST_PORT", String.valueOf(restPort),
            "OSCAR_FLINK_METRICS_PORTS", metricsPort + "-" + (metricsPort + 5));
    mqtt = new MqttTestClient(stack.mosquitto.url());
    mqtt.subscribe("oscar/v1/unit/+/task", "oscar/v1/dev/+/notice");
    devices = new Devices(mqtt);
  }

  @AfterAll
  static void stop() throws Exception {
    if (clusterEnv != null) {
      cluster(Map.of(), "stop");
    }
    if (mqtt != null) {
      mqtt.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void theJobJarRunsOnAStandaloneClusterAndSurvivesATaskManagerKilled() throws Exception {
    assertThat(cluster(Map.of(), "start", "2")).contains("cluster up: 2 TaskManagers");
    String submitted = cluster(jobEnv(), "submit", jobJar().toString());
    Matcher id = Pattern.compile("JobID ([0-9a-f]{32})").matcher(submitted);
    assertThat(id.find()).as("submitted: %s", submitted).isTrue();
    String jobId = id.group(1);
    await().atMost(Duration.ofSeconds(60)).until(() -> "RUNNING".equals(job(jobId, "state")));
    // Slots spread over both TaskManagers (taskmanager.load-balance.mode: SLOTS): killing one
    // takes part of the running job with it.
    assertThat(rest("/taskmanagers").getJsonArray("taskmanagers"))
        .allSatisfy(tm -> assertThat(((JsonObject) tm).getInteger("freeSlots")).isEqualTo(1));

    Scenarios.unitsReady(stack, devices, "C", LAT, LON);
    devices.press("C-SURV-1", LAT, LON, false);
    TaskMessage first = devices.firstAssignment("C-PCR-1");
    long completedBefore = completedCheckpoints(jobId);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> completedCheckpoints(jobId) > completedBefore);

    assertThat(cluster(Map.of(), "kill-taskmanager", "1")).contains("killed");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> rest("/overview").getInteger("taskmanagers") == 1);
    // The JobManager has noticed the loss: the job is failing over (or has just done so).
    devices.press("C-SURV-2", LAT + 0.001, LON, false);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> "RUNNING".equals(job(jobId, "state")) && restarted());

    String second = Scenarios.carriedOn(stack, devices, "C", first, LAT, LON);
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .untilAsserted(
            () ->
                assertThat(stack.timeline(second))
                    .contains("ASSIGNED_POLICE", "ASSIGNED_AMBULANCE"));
    System.out.printf(
        "standalone cluster: job %s on 2 TaskManagers; TaskManager 1 killed; restarted on the"
            + " other; incident %s kept its state, %s opened during the failure; alerts %s and %s,"
            + " none twice%n",
        jobId,
        first.incidentId(),
        second,
        stack.notifications(first.incidentId()),
        stack.notifications(second));
  }

  /** The job's settings: read by its main, which runs in the submitting client. */
  private static Map<String, String> jobEnv() {
    return stack.jobSettings(
        "cluster-it", work.resolve("scenario.json"), work.resolve("checkpoints"));
  }

  /** Runs {@code deploy/flink-cluster/cluster.sh} and returns what it printed. */
  private static String cluster(Map<String, String> env, String... args) throws Exception {
    Path out = Files.createTempFile(work, "cluster", ".out");
    ProcessBuilder pb =
        new ProcessBuilder(
                Stream.concat(
                        Stream.of(ROOT.resolve("deploy/flink-cluster/cluster.sh").toString()),
                        Stream.of(args))
                    .toList())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile());
    pb.environment().putAll(clusterEnv);
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("cluster.sh " + args[0] + " hung: " + Files.readString(out));
    }
    String printed = Files.readString(out);
    System.out.print(printed);
    if (p.exitValue() != 0) {
      throw new IllegalStateException("cluster.sh " + args[0] + " failed: " + printed);
    }
    return printed;
  }

  private static Path jobJar() throws IOException {
    try (Stream<Path> jars = Files.list(Path.of("target"))) {
      return jars.filter(p -> p.getFileName().toString().endsWith("-job.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no job jar in target/: run mvn package"))
          .toAbsolutePath();
    }
  }

  private static JsonObject rest(String path) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(restUrl + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    return new JsonObject(response.body());
  }

  private static String job(String jobId, String field) throws Exception {
    return rest("/jobs/" + jobId).getString(field);
  }

  private static long completedCheckpoints(String jobId) throws Exception {
    return rest("/jobs/" + jobId + "/checkpoints").getJsonObject("counts").getLong("completed");
  }

  /** The JobManager restarted the job after losing a TaskManager (not merely still running). */
  private static boolean restarted() throws IOException {
    Path log = work.resolve("cluster/log/jobmanager.log");
    return Files.readString(log).contains("switched from state RESTARTING to RUNNING");
  }
}
