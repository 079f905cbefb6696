package org.oscar.stream.bench;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.oscar.stream.bench.StateSizeBench.Counters;
import org.oscar.stream.event.MqttRecord;
import org.oscar.testkit.FreePort;

/**
 * How many unit reports a second the job alone takes: the production {@code OscarJob} graph
 * (parallel uplink, validation spread by device, dispatch, live-state sink; checkpoints every 10 s)
 * in a local MiniCluster, fed as fast as a parallel generator can by every unit's status and then
 * positions in rounds, without a broker. With the sinks counting, backpressure makes the rate at
 * the unit live-state sink the rate of the slowest stage, dispatch included.
 *
 * <p>{@code deploy/bench/throughput.sh [units] [--seconds S] [--warmup W] [--parallelism P]}
 * (default 200000 units, 20 s measured after 15 s, P 2). Units are many because a unit's positions
 * past 2 a second are refused by the flood guard, and a refused report would not count.
 */
public final class JobThroughputBench {
  private JobThroughputBench() {}

  public static void main(String[] args) throws Exception {
    int units = 200_000;
    int seconds = 20;
    int warmup = 15;
    int parallelism = 2;
    long checkpointMs = 10_000;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--parallelism" -> parallelism = Integer.parseInt(args[++i]);
        case "--checkpoint-ms" -> checkpointMs = Long.parseLong(args[++i]);
        default -> units = Integer.parseInt(args[i]);
      }
    }
    Counters.reset();
    Configuration conf = new Configuration();
    conf.set(StateBackendOptions.STATE_BACKEND, "hashmap");
    conf.set(
        CheckpointingOptions.CHECKPOINTS_DIRECTORY,
        Files.createTempDirectory("oscar-throughput-bench").toUri().toString());
    int restPort = FreePort.pick();
    conf.set(RestOptions.PORT, restPort);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(parallelism);
    env.enableCheckpointing(checkpointMs);
    StateSizeBench.countingJob(new Positions(units)).build(env);
    JobClient job = env.executeAsync("oscar-throughput");
    try {
      Thread.sleep(warmup * 1000L);
      List<Long> perSecond = new ArrayList<>();
      long before = Counters.get("units");
      long generatedBefore = Counters.get("generated");
      long startNs = System.nanoTime();
      long last = before;
      for (int s = 0; s < seconds; s++) {
        Thread.sleep(1000);
        long now = Counters.get("units");
        perSecond.add(now - last);
        last = now;
      }
      double elapsed = (System.nanoTime() - startNs) / 1e9;
      long generated = Counters.get("generated") - generatedBefore;
      List<Long> sorted = new ArrayList<>(perSecond);
      sorted.sort(null);
      System.out.printf(
          "[throughput] %d cores, P %d, %,d units: %,.0f reports/s over %d s after %d s"
              + " (per second min %,d, median %,d, max %,d); %,d generated in that time%n",
          Runtime.getRuntime().availableProcessors(),
          parallelism,
          units,
          (last - before) / elapsed,
          seconds,
          warmup,
          sorted.get(0),
          sorted.get(sorted.size() / 2),
          sorted.get(sorted.size() - 1),
          generated);
      System.out.println("[throughput] each second: " + perSecond);
      JsonObject checkpoints =
          StateSizeBench.get(
              "http://127.0.0.1:" + restPort + "/jobs/" + job.getJobID() + "/checkpoints");
      List<String> seen = new ArrayList<>();
      for (Object c : checkpoints.getJsonArray("history")) {
        JsonObject chk = (JsonObject) c;
        seen.add(
            "%s %d ms %,d KiB"
                .formatted(
                    chk.getString("status"),
                    chk.getLong("end_to_end_duration"),
                    chk.getLong("state_size") >> 10));
      }
      System.out.println("[throughput] checkpoints, newest first: " + seen);
    } finally {
      job.cancel().get();
    }
  }

  /** Every unit's AVAILABLE status, then their positions round after round, as fast as asked. */
  static final class Positions implements GeneratorFunction<Long, MqttRecord> {
    private final int units;

    Positions(int units) {
      this.units = units;
    }

    @Override
    public MqttRecord map(Long index) {
      Counters.add("generated");
      long i = index;
      long now = System.currentTimeMillis();
      long u = i % units;
      String id = (u % 2 == 0 ? "P" : "A") + u;
      if (i < units) {
        return record(
            "oscar/v1/unit/" + id + "/status",
            "{\"seq\":1,\"ts\":" + now + ",\"status\":\"AVAILABLE\"}");
      }
      // A place per unit that drifts a little each round, so the grid index moves.
      long round = i / units;
      double a = ((u * 2654435761L) & 0xffffL) / 65536.0;
      double b = ((u * 40503L + 12345L) & 0xffffL) / 65536.0;
      double drift = (round % 100) * 0.00001;
      return record(
          "oscar/v1/unit/" + id + "/pos",
          "{\"seq\":"
              + (round + 1)
              + ",\"ts\":"
              + now
              + ",\"lat\":"
              + (20.07 + a * 0.36 + drift)
              + ",\"lon\":"
              + (85.62 + b * 0.46 + drift)
              + "}");
    }

    private static MqttRecord record(String topic, String payload) {
      return new MqttRecord(
          topic, payload.getBytes(StandardCharsets.UTF_8), System.currentTimeMillis());
    }
  }
}
