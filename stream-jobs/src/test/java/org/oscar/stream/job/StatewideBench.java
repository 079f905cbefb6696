package org.oscar.stream.job;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.oscar.contract.live.LiveKeys;
import org.oscar.contract.region.BundleFacility;
import org.oscar.contract.region.RegionBundle;
import org.oscar.contract.region.RegionCatalog;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.stream.directory.DeviceDirectory;
import org.oscar.stream.directory.DeviceEntry;
import org.oscar.stream.directory.DirectorySource;
import org.oscar.stream.region.TestRegions;
import org.oscar.testkit.RedisProcess;

/**
 * The statewide harness (not a test): the whole stack on this machine with the 30 shipped Odisha
 * bundles, N units per district (default 300: 9 000) placed near each district's headquarters and
 * registered in it, every unit reporting its position every few seconds, and presses in every
 * district at once (round robin over the districts). Prints press → both tasks (police and
 * ambulance published) p50/p99 per district and overall, and the job's last checkpoint's size and
 * duration. Run with {@code deploy/bench/statewide.sh [--units-per-district N] [--seconds S]
 * [--presses-per-second P] [--report-every-s R]}.
 */
public final class StatewideBench {
  private static final String GENERATOR = "gen-";

  public static void main(String[] args) throws Exception {
    int perDistrict = 300;
    int seconds = 60;
    int pressesPerSecond = 4;
    int reportEveryS = 5;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--units-per-district" -> perDistrict = Integer.parseInt(args[++i]);
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--presses-per-second" -> pressesPerSecond = Integer.parseInt(args[++i]);
        case "--report-every-s" -> reportEveryS = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    RegionCatalog odisha = TestRegions.odisha();
    List<RegionBundle> districts = new ArrayList<>(odisha.bundles().values());
    Random random = new Random(30);
    List<String> unitIds = new ArrayList<>();
    List<double[]> unitPlaces = new ArrayList<>();
    Map<String, DeviceEntry> entries = new HashMap<>();
    for (RegionBundle d : districts) {
      for (int i = 0; i < perDistrict; i++) {
        String id = d.region().toUpperCase() + "-U" + i;
        DeviceKind kind = i % 2 == 0 ? DeviceKind.POLICE : DeviceKind.AMBULANCE;
        entries.put(id, new DeviceEntry(id, kind, d.region()));
        unitIds.add(id);
        unitPlaces.add(near(odisha, d, random));
      }
    }
    int survivors = seconds * pressesPerSecond + 100;
    List<double[]> pressPlaces = new ArrayList<>();
    List<String> pressRegion = new ArrayList<>();
    for (int i = 0; i < survivors; i++) {
      RegionBundle d = districts.get(i % districts.size());
      entries.put(survivor(i), new DeviceEntry(survivor(i), DeviceKind.PANIC, d.region()));
      pressPlaces.add(near(odisha, d, random));
      pressRegion.add(d.region());
    }

    LocalStack stack = new LocalStack(new RedisProcess());
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.getExecutionEnvironment(
            Configuration.fromMap(OscarJobMain.prometheusReporter(LocalStack.METRICS_PORT)));
    env.enableCheckpointing(10_000);
    stack
        .job(
            "statewide", DirectorySource.fixed(new DeviceDirectory(entries)), TestRegions.shipped())
        .build(env);
    JobClient job = env.executeAsync("oscar-statewide-bench");

    MqttClient control = EndToEndBench.client(stack, GENERATOR + "control");
    Map<String, Long> pressedAt = new ConcurrentHashMap<>();
    Map<String, Long> bothTasksAt = EndToEndBench.whenBothTasksArrive(control);
    int units = unitIds.size();
    System.out.printf(
        "[statewide] %d cores, %s; %d districts × %d units = %d units, one position per unit every"
            + " %d s (%d/s), %d presses/s round robin over the districts, %d s%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        districts.size(),
        perDistrict,
        units,
        reportEveryS,
        units / reportEveryS,
        pressesPerSecond,
        seconds);
    // Every unit on duty where it is, until live state has them all.
    long onDuty = System.nanoTime();
    while (totalUnits(stack, districts) < units) {
      for (int i = 0; i < units; i++) {
        EndToEndBench.publish(
            control,
            "oscar/v1/unit/" + unitIds.get(i) + "/status",
            "{\"seq\":"
                + System.nanoTime()
                + ",\"ts\":"
                + System.currentTimeMillis()
                + ",\"status\":\"AVAILABLE\"}",
            1);
        EndToEndBench.publish(
            control, "oscar/v1/unit/" + unitIds.get(i) + "/pos", position(unitPlaces.get(i)), 0);
      }
      Thread.sleep(2_000);
    }
    System.out.printf(
        "[statewide] all %d units available after %.0f s; presses start%n",
        units, (System.nanoTime() - onDuty) / 1e9);

    MqttClient load = EndToEndBench.client(stack, GENERATOR + "load");
    int rate = units / reportEveryS;
    long start = System.nanoTime();
    long sentPositions = 0;
    int next = 0;
    int pressed = 0;
    List<String> incidents = new ArrayList<>();
    long nextPressAt = start;
    while (System.nanoTime() - start < seconds * 1_000_000_000L) {
      long due = (long) ((System.nanoTime() - start) / 1e9 * rate);
      while (sentPositions < due) {
        EndToEndBench.publish(
            load, "oscar/v1/unit/" + unitIds.get(next) + "/pos", position(unitPlaces.get(next)), 0);
        next = (next + 1) % units;
        sentPositions++;
      }
      if (System.nanoTime() >= nextPressAt) {
        String s = survivor(pressed);
        double[] p = pressPlaces.get(pressed);
        String incident = "INC-" + s + "-1";
        pressedAt.put(incident, System.nanoTime());
        EndToEndBench.publish(
            control,
            "oscar/v1/dev/" + s + "/sos",
            "{\"seq\":1,\"ts\":"
                + System.currentTimeMillis()
                + ",\"lat\":"
                + p[0]
                + ",\"lon\":"
                + p[1]
                + "}",
            1);
        incidents.add(incident);
        pressed++;
        nextPressAt += 1_000_000_000L / pressesPerSecond;
      }
      Thread.sleep(1);
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    Thread.sleep(5_000); // late tasks of the last presses, and a checkpoint
    Map<String, List<Long>> byDistrict = new TreeMap<>();
    List<Long> all = new ArrayList<>();
    int missing = 0;
    for (int i = 0; i < incidents.size(); i++) {
      Long done = bothTasksAt.get(incidents.get(i));
      if (done == null) {
        missing++;
        continue;
      }
      long ms = (done - pressedAt.get(incidents.get(i))) / 1_000_000;
      byDistrict.computeIfAbsent(pressRegion.get(i), r -> new ArrayList<>()).add(ms);
      all.add(ms);
    }
    System.out.printf(
        "[statewide] %.0f positions/s offered for %.0f s; %d presses, %d got both tasks, %d did not"
            + " (no free unit of a role nearby counts here)%n",
        sentPositions / elapsed, elapsed, incidents.size(), all.size(), missing);
    System.out.println("[statewide] district          presses  p50 ms  p99 ms  max ms");
    for (var e : byDistrict.entrySet()) {
      List<Long> l = e.getValue();
      l.sort(null);
      System.out.printf(
          "[statewide] %-16s  %7d  %6d  %6d  %6d%n",
          e.getKey(),
          l.size(),
          EndToEndBench.pct(l, 50),
          EndToEndBench.pct(l, 99),
          l.get(l.size() - 1));
    }
    all.sort(null);
    if (!all.isEmpty()) {
      System.out.printf(
          "[statewide] %-16s  %7d  %6d  %6d  %6d%n",
          "ALL",
          all.size(),
          EndToEndBench.pct(all, 50),
          EndToEndBench.pct(all, 99),
          all.get(all.size() - 1));
    }
    System.out.println("[statewide] checkpoints: " + checkpoints());
    job.cancel().get();
    control.disconnect();
    load.disconnect();
    stack.close();
    System.exit(0);
  }

  private static long totalUnits(LocalStack stack, List<RegionBundle> districts) {
    long n = 0;
    for (RegionBundle d : districts) {
      n += stack.redisClient.scard(LiveKeys.regionUnits(d.region()));
    }
    return n;
  }

  /** A place within about 8 km of the district's first OSC (its headquarters), inside it. */
  private static double[] near(RegionCatalog catalog, RegionBundle d, Random random) {
    BundleFacility hq = d.oscs().get(0);
    return catalog.placeNear(d.region(), hq.lat(), hq.lon(), 0.14, random);
  }

  private static String position(double[] p) {
    double jitter = (System.nanoTime() % 1000) / 1e7;
    return "{\"seq\":"
        + System.nanoTime()
        + ",\"ts\":"
        + System.currentTimeMillis()
        + ",\"lat\":"
        + (p[0] + jitter)
        + ",\"lon\":"
        + p[1]
        + "}";
  }

  /** The job's checkpoint figures, from its Prometheus endpoint. */
  private static String checkpoints() throws Exception {
    String body = EndToEndBench.metrics();
    StringBuilder out = new StringBuilder();
    for (String line : body.lines().toList()) {
      for (String m :
          List.of(
              "lastCheckpointSize",
              "lastCheckpointFullSize",
              "lastCheckpointDuration",
              "numberOfCompletedCheckpoints",
              "numberOfFailedCheckpoints")) {
        if (line.startsWith("flink_jobmanager_job_" + m + "{")) {
          out.append(m).append('=').append(line.substring(line.lastIndexOf(' ') + 1)).append(' ');
        }
      }
    }
    return out.toString().trim();
  }

  private static String survivor(int i) {
    return "SW-SURV-" + i;
  }
}
