package org.oscar.stream.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.stream.directory.DeviceEntry;
import org.oscar.stream.directory.DirectorySource;
import org.oscar.stream.dispatch.eta.StraightLineTravelTime;
import org.oscar.stream.event.MqttRecord;
import org.oscar.stream.job.OscarJob;
import org.oscar.stream.region.TestRegions;
import org.oscar.stream.validate.ValidationPolicy;
import org.oscar.testkit.FreePort;

/**
 * State and checkpoint size of the real job as units and open incidents grow. The job (the same
 * {@link OscarJob} graph as in production, HashMap state backend, checkpoints to local files every
 * 2 s) runs in a local MiniCluster on a synthetic uplink: every unit reports AVAILABLE and a
 * position, then survivors press; afterwards one position a millisecond keeps the job alive. Once
 * everything has gone through, three checkpoints are read from Flink's REST API: the state of the
 * dispatch operator (units, incidents, timers), the whole checkpoint, and how long one took.
 *
 * <p>{@code deploy/bench/state.sh [units…] [--incidents M]} (default 10000 100000 1000000, 1000).
 */
public final class StateSizeBench {
  static final String REGION = "khordha";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private StateSizeBench() {}

  public static void main(String[] args) throws Exception {
    List<Integer> unitCounts = new ArrayList<>();
    int incidents = 1000;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--incidents")) {
        incidents = Integer.parseInt(args[++i]);
      } else {
        unitCounts.add(Integer.parseInt(args[i]));
      }
    }
    if (unitCounts.isEmpty()) {
      unitCounts = List.of(10_000, 100_000, 1_000_000);
    }
    System.out.printf(
        "[state] %d cores, max heap %d MiB%n",
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    System.out.println(
        "| units | open incidents | dispatch state | whole checkpoint | checkpoint duration (3 runs) |"
            + " fill time |");
    System.out.println("| --- | --- | --- | --- | --- | --- |");
    for (int units : unitCounts) {
      for (int open : List.of(0, incidents)) {
        Result r = run(units, open);
        System.out.printf(
            "| %,d | %,d (%,d tasked) | %s | %s | %s ms | %.1f s |%n",
            units,
            open,
            r.tasks,
            mib(r.dispatchBytes),
            mib(r.checkpointBytes),
            r.durationsMs,
            r.fillSeconds);
      }
    }
  }

  record Result(
      long dispatchBytes,
      long checkpointBytes,
      List<Long> durationsMs,
      double fillSeconds,
      long tasks) {}

  static Result run(int units, int incidents) throws Exception {
    Counters.reset();
    Path checkpoints = Files.createTempDirectory("oscar-state-bench");
    int restPort = FreePort.pick();
    Configuration conf = new Configuration();
    conf.set(RestOptions.PORT, restPort);
    conf.set(StateBackendOptions.STATE_BACKEND, "hashmap");
    conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.enableCheckpointing(2000);
    countingJob(new Uplink(units, incidents)).build(env);
    long start = System.nanoTime();
    JobClient job = env.executeAsync("oscar-state-size");
    String rest = "http://127.0.0.1:" + restPort;
    try {
      // Every unit's status and position through validation; then the presses answered (a
      // notice to her and a task to each of two units) or no more progress for 20 s.
      waitFor(() -> Counters.get("units") >= 2L * units, 600);
      long lastDownlink = -1;
      long quietSince = System.currentTimeMillis();
      while (Counters.get("downlink") < 3L * incidents
          && System.currentTimeMillis() - quietSince < 20_000) {
        long now = Counters.get("downlink");
        if (now != lastDownlink) {
          lastDownlink = now;
          quietSince = System.currentTimeMillis();
        }
        Thread.sleep(100);
      }
      double fillSeconds = (System.nanoTime() - start) / 1e9;
      String jobId = job.getJobID().toHexString();
      long before = completed(rest, jobId);
      waitFor(() -> completed(rest, jobId) >= before + 3, 300);
      JsonObject stats = get(rest + "/jobs/" + jobId + "/checkpoints");
      String dispatchVertex = vertexNamed(rest, jobId, "dispatch");
      List<Long> durations = new ArrayList<>();
      long dispatchBytes = 0;
      long checkpointBytes = 0;
      JsonArray history = stats.getJsonArray("history");
      for (int i = 0; i < history.size() && durations.size() < 3; i++) {
        JsonObject chk = history.getJsonObject(i);
        if (!"COMPLETED".equals(chk.getString("status"))) {
          continue;
        }
        durations.add(chk.getLong("end_to_end_duration"));
        if (durations.size() == 1) {
          checkpointBytes = chk.getLong("state_size");
          JsonObject details =
              get(rest + "/jobs/" + jobId + "/checkpoints/details/" + chk.getLong("id"));
          dispatchBytes =
              details.getJsonObject("tasks").getJsonObject(dispatchVertex).getLong("state_size");
        }
      }
      long tasks = Counters.get("downlink");
      return new Result(dispatchBytes, checkpointBytes, durations, fillSeconds, tasks);
    } finally {
      job.cancel().get();
    }
  }

  /**
   * The production job graph on a synthetic uplink, every id provisioned, its sinks counting into
   * {@link Counters} under the names downlink, units, incidents, alerts and cases.
   */
  static OscarJob countingJob(GeneratorFunction<Long, MqttRecord> uplink) {
    return new OscarJob(
        new DataGeneratorSource<>(uplink, Long.MAX_VALUE, TypeInformation.of(MqttRecord.class)),
        new CountingSink<>("downlink"),
        new CountingSink<>("units"),
        new CountingSink<>("incidents"),
        new CountingSink<>("alerts"),
        new CountingSink<>("cases"),
        syntheticDirectory(),
        ValidationPolicy.defaults(),
        TestRegions.khordhaAs(REGION),
        60_000,
        StraightLineTravelTime.defaults());
  }

  /**
   * Every id is provisioned: {@code P…} police, {@code A…} ambulances, {@code S…} panic devices.
   */
  static DirectorySource syntheticDirectory() {
    return () ->
        id ->
            Optional.of(
                new DeviceEntry(
                    id,
                    switch (id.charAt(0)) {
                      case 'P' -> DeviceKind.POLICE;
                      case 'A' -> DeviceKind.AMBULANCE;
                      default -> DeviceKind.PANIC;
                    },
                    REGION));
  }

  /**
   * The synthetic uplink: statuses of all units, their positions (uniform over the metro area, half
   * police, half ambulances), presses near the city centre, then one position a millisecond.
   */
  static final class Uplink implements GeneratorFunction<Long, MqttRecord> {
    private final int units;
    private final int incidents;

    Uplink(int units, int incidents) {
      this.units = units;
      this.incidents = incidents;
    }

    @Override
    public MqttRecord map(Long index) throws Exception {
      long i = index;
      long now = System.currentTimeMillis();
      if (i < units) {
        return record(
            "oscar/v1/unit/" + unit(i) + "/status",
            "{\"seq\":1,\"ts\":%d,\"status\":\"AVAILABLE\"}".formatted(now));
      }
      if (i < 2L * units) {
        long u = i - units;
        return position("oscar/v1/unit/" + unit(u) + "/pos", 2, now, u);
      }
      if (i < 2L * units + incidents) {
        long s = i - 2L * units;
        double lat = 20.2654 + (s % 100) * 0.0004;
        double lon = 85.8280 + (s / 100 % 100) * 0.0004;
        return record(
            "oscar/v1/dev/S" + s + "/sos",
            "{\"seq\":1,\"ts\":%d,\"lat\":%.6f,\"lon\":%.6f,\"injured\":false}"
                .formatted(now, lat, lon));
      }
      Thread.sleep(1);
      long u = i % units;
      return position("oscar/v1/unit/" + unit(u) + "/pos", i, now, u);
    }

    private static String unit(long u) {
      return (u % 2 == 0 ? "P" : "A") + u;
    }

    private static MqttRecord position(String topic, long seq, long now, long u) {
      // A fixed pseudo-random place per unit (a multiplicative hash of its number).
      double a = ((u * 2654435761L) & 0xffffL) / 65536.0;
      double b = ((u * 40503L + 12345L) & 0xffffL) / 65536.0;
      return record(
          topic,
          "{\"seq\":%d,\"ts\":%d,\"lat\":%.6f,\"lon\":%.6f}"
              .formatted(seq, now, 20.07 + a * 0.36, 85.62 + b * 0.46));
    }

    private static MqttRecord record(String topic, String payload) {
      return new MqttRecord(
          topic, payload.getBytes(StandardCharsets.UTF_8), System.currentTimeMillis());
    }
  }

  /** Counts what reaches a sink, in this JVM (the MiniCluster runs in it). */
  static final class Counters {
    private static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();

    static void reset() {
      COUNTS.clear();
    }

    static long get(String name) {
      return COUNTS.computeIfAbsent(name, n -> new AtomicLong()).get();
    }

    static void add(String name) {
      COUNTS.computeIfAbsent(name, n -> new AtomicLong()).incrementAndGet();
    }
  }

  static final class CountingSink<T> implements Sink<T> {
    private final String name;

    CountingSink(String name) {
      this.name = name;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
      return new SinkWriter<>() {
        @Override
        public void write(T element, Context ctx) {
          Counters.add(name);
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {}
      };
    }
  }

  private interface Check {
    boolean ok() throws Exception;
  }

  private static void waitFor(Check check, int seconds) throws Exception {
    long deadline = System.currentTimeMillis() + seconds * 1000L;
    while (!check.ok()) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("not reached in " + seconds + " s");
      }
      Thread.sleep(200);
    }
  }

  private static long completed(String rest, String jobId) throws Exception {
    return get(rest + "/jobs/" + jobId + "/checkpoints")
        .getJsonObject("counts")
        .getLong("completed");
  }

  private static String vertexNamed(String rest, String jobId, String name) throws Exception {
    for (Object v : get(rest + "/jobs/" + jobId).getJsonArray("vertices")) {
      JsonObject vertex = (JsonObject) v;
      if (vertex.getString("name").contains(name)) {
        return vertex.getString("id");
      }
    }
    throw new IllegalStateException("no vertex named " + name);
  }

  static JsonObject get(String url) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    return new JsonObject(response.body());
  }

  private static String mib(long bytes) {
    return bytes < 1 << 20
        ? "%,d KiB".formatted(bytes >> 10)
        : "%.1f MiB".formatted(bytes / 1048576.0);
  }
}
