package org.oscar.stream.job;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.oscar.contract.codec.Json;
import org.oscar.contract.live.LiveKeys;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.contract.wire.Role;
import org.oscar.contract.wire.TaskAction;
import org.oscar.contract.wire.TaskMessage;
import org.oscar.stream.directory.DeviceDirectory;
import org.oscar.stream.directory.DeviceEntry;
import org.oscar.stream.directory.DirectorySource;
import org.oscar.stream.region.TestRegions;
import org.oscar.testkit.RedisProcess;

/**
 * The end-to-end harness (not a test): the whole stack on this machine — private Mosquitto and
 * Redis, the alert API, the Flink job in a local MiniCluster — under a rising background of unit
 * position reports, with panic presses (4 a second by default). Per step it prints: the offered
 * rate; what a bare MQTT subscriber on the same broker drained (the ceiling); what the job's source
 * took in (and its ratio to the ceiling); Redis live-state writes/s (positions are coalesced per
 * unit, by design); and press → both tasks (police and ambulance) published, p50/p95/p99, measured
 * by a subscriber on the broker. Run with {@code deploy/bench/e2e.sh [rates...] [--seconds S]}.
 */
public final class EndToEndBench {
  private static final String REGION = "bench";
  private static final int UNITS = 4_000;
  private static final int PUBLISHERS = 4;
  private static final double LAT = 20.2961;
  private static final double LON = 85.8245;

  /** Names of the generator's threads and MQTT clients start so: {@link CorePinning} finds them. */
  private static final String GENERATOR = "gen-";

  public static void main(String[] args) throws Exception {
    List<Integer> rates = new ArrayList<>();
    int seconds = 15;
    int pressesPerSecond = 4;
    boolean pin = false;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--pin")) {
        pin = true;
      } else if (args[i].equals("--seconds")) {
        seconds = Integer.parseInt(args[++i]);
      } else if (args[i].equals("--presses-per-second")) {
        pressesPerSecond = Integer.parseInt(args[++i]);
      } else {
        rates.add(Integer.parseInt(args[i]));
      }
    }
    if (rates.isEmpty()) {
      rates = List.of(5_000, 10_000, 20_000, 50_000);
    }
    LocalStack stack = new LocalStack(new RedisProcess());
    Map<String, DeviceEntry> entries = new HashMap<>();
    for (int i = 0; i < UNITS; i++) {
      DeviceKind kind = i % 2 == 0 ? DeviceKind.POLICE : DeviceKind.AMBULANCE;
      entries.put(unit(i), new DeviceEntry(unit(i), kind, REGION));
    }
    for (int i = 0; i < 20_000; i++) {
      entries.put(survivor(i), new DeviceEntry(survivor(i), DeviceKind.PANIC, REGION));
    }
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.getExecutionEnvironment(
            Configuration.fromMap(OscarJobMain.prometheusReporter(LocalStack.METRICS_PORT)));
    env.enableCheckpointing(10_000);
    stack
        .job(
            "bench",
            DirectorySource.fixed(new DeviceDirectory(entries)),
            TestRegions.khordhaAs(REGION))
        .build(env);
    JobClient job = env.executeAsync("oscar-e2e-bench");

    MqttClient control = client(stack, GENERATOR + "control");
    AtomicLong ceiling = new AtomicLong();
    MqttClient bare = client(stack, GENERATOR + "bare");
    bare.subscribe("oscar/v1/unit/+/pos", 0, (t, m) -> ceiling.incrementAndGet());
    Map<String, Long> pressedAt = new ConcurrentHashMap<>();
    Map<String, Long> bothTasksAt = whenBothTasksArrive(control);

    System.out.printf(
        "[e2e] %d cores, %s; %d units, %d publishers, %d s per step; %s%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        UNITS,
        PUBLISHERS,
        seconds,
        pin
            ? "pinned: load generator and measuring clients on CPU 0, the system (job, API,"
                + " Mosquitto, Redis) on CPU 1"
            : "everything sharing every core");
    // Every unit on duty, where it is; until the job has them all in live state.
    while (stack.redisClient.scard(LiveKeys.regionUnits(REGION)) < UNITS) {
      for (int i = 0; i < UNITS; i++) {
        publish(
            control,
            "oscar/v1/unit/" + unit(i) + "/status",
            "{\"seq\":"
                + System.nanoTime()
                + ",\"ts\":"
                + System.currentTimeMillis()
                + ",\"status\":\"AVAILABLE\"}",
            1);
        publish(control, "oscar/v1/unit/" + unit(i) + "/pos", position(i), 0);
      }
      Thread.sleep(2_000);
    }
    System.out.println("[e2e] all units available; starting the load");
    if (pin) {
      CorePinning.pin(GENERATOR, "0", "1", false);
    }

    int nextSurvivor = 0;
    System.out.println(
        "[e2e] offered/s  ceiling/s  job-in/s  job/ceiling  redis-writes/s  presses  press->tasks p50/p95/p99 ms");
    for (int rate : rates) {
      long ceilingBefore = ceiling.get();
      long jobBefore = jobRecordsIn();
      long redisBefore = redisWrites(stack);
      // Timed from the load's start: pinning (a taskset per thread) takes seconds of the step.
      long start = System.nanoTime();
      Load load = new Load(stack, rate);
      load.start();
      if (pin) {
        CorePinning.pin(GENERATOR, "0", "1", true);
      }
      List<String> pressed = new ArrayList<>();
      while (System.nanoTime() - start < seconds * 1_000_000_000L) {
        String s = survivor(nextSurvivor++);
        String incident = "INC-" + s + "-1";
        pressedAt.put(incident, System.nanoTime());
        publish(
            control,
            "oscar/v1/dev/" + s + "/sos",
            "{\"seq\":1,\"ts\":"
                + System.currentTimeMillis()
                + ",\"lat\":"
                + (LAT + (nextSurvivor % 50) * 0.001)
                + ",\"lon\":"
                + LON
                + "}",
            1);
        pressed.add(incident);
        Thread.sleep(1_000 / pressesPerSecond);
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      load.stop();
      Thread.sleep(3_000); // late tasks of the last presses
      long offered = load.sent.get();
      long drained = ceiling.get() - ceilingBefore;
      long jobIn = jobRecordsIn() - jobBefore;
      long redis = redisWrites(stack) - redisBefore;
      List<Long> latencies = new ArrayList<>();
      for (String id : pressed) {
        Long done = bothTasksAt.get(id);
        if (done != null) {
          latencies.add((done - pressedAt.get(id)) / 1_000_000);
        }
      }
      latencies.sort(null);
      System.out.printf(
          "[e2e] %9.0f  %9.0f  %8.0f  %10.2f  %14.0f  %3d/%-3d  %s%n",
          offered / elapsed,
          drained / elapsed,
          jobIn / elapsed,
          drained == 0 ? 0 : (double) jobIn / drained,
          redis / elapsed,
          latencies.size(),
          pressed.size(),
          latencies.isEmpty()
              ? "-"
              : pct(latencies, 50) + "/" + pct(latencies, 95) + "/" + pct(latencies, 99));
    }
    job.cancel().get();
    control.disconnect();
    bare.disconnect();
    stack.close();
    System.exit(0);
  }

  /** Position reports at a steady rate over all units, from a few connections (QoS 0). */
  private static final class Load {
    private final LocalStack stack;
    private final int rate;
    private final AtomicLong sent = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    Load(LocalStack stack, int rate) {
      this.stack = stack;
      this.rate = rate;
    }

    void start() {
      for (int p = 0; p < PUBLISHERS; p++) {
        int first = p;
        Thread t =
            new Thread(
                () -> {
                  try {
                    MqttClient c = client(stack, GENERATOR + "load-" + first);
                    long begin = System.nanoTime();
                    long mine = 0;
                    int next = first;
                    while (running) {
                      long due = (long) ((System.nanoTime() - begin) / 1e9 * rate / PUBLISHERS);
                      while (mine < due && running) {
                        publish(c, "oscar/v1/unit/" + unit(next) + "/pos", position(next), 0);
                        next = (next + PUBLISHERS) % UNITS;
                        mine++;
                        sent.incrementAndGet();
                      }
                      Thread.sleep(1);
                    }
                    c.disconnect();
                  } catch (Exception e) {
                    System.out.println("[e2e] publisher stopped: " + e);
                  }
                },
                GENERATOR + "load-" + first);
        threads.add(t);
        t.start();
      }
    }

    void stop() throws InterruptedException {
      running = false;
      for (Thread t : threads) {
        t.join(5_000);
      }
    }
  }

  private static String position(int i) {
    double jitter = (System.nanoTime() % 1000) / 1e6;
    return "{\"seq\":"
        + System.nanoTime()
        + ",\"ts\":"
        + System.currentTimeMillis()
        + ",\"lat\":"
        + (LAT + (i % 100) * 0.001 + jitter)
        + ",\"lon\":"
        + (LON + (i / 100) * 0.001)
        + "}";
  }

  static void publish(MqttClient c, String topic, String json, int qos) throws Exception {
    MqttMessage m = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
    m.setQos(qos);
    c.publish(topic, m);
  }

  static MqttClient client(LocalStack stack, String name) throws Exception {
    MqttClient c =
        new MqttClient(
            stack.mosquitto.url(), name + "-" + UUID.randomUUID(), new MemoryPersistence());
    MqttConnectOptions o = new MqttConnectOptions();
    o.setMaxInflight(65_000);
    o.setSocketFactory(new NoDelaySockets());
    c.connect(o);
    return c;
  }

  /**
   * The load generator's sockets send at once. With Nagle's algorithm a QoS 1 status right after a
   * QoS 0 position waited for the broker's delayed ACK of the position (~40 ms on Linux), which
   * made the set-up phase crawl at ~25 publishes/s in some runs; that measured the generator, not
   * OSCAR.
   */
  private static final class NoDelaySockets extends javax.net.SocketFactory {
    private final javax.net.SocketFactory plain = javax.net.SocketFactory.getDefault();

    @Override
    public java.net.Socket createSocket() throws java.io.IOException {
      java.net.Socket s = plain.createSocket();
      s.setTcpNoDelay(true);
      return s;
    }

    @Override
    public java.net.Socket createSocket(String host, int port) throws java.io.IOException {
      return noDelay(plain.createSocket(host, port));
    }

    @Override
    public java.net.Socket createSocket(
        String host, int port, java.net.InetAddress local, int localPort)
        throws java.io.IOException {
      return noDelay(plain.createSocket(host, port, local, localPort));
    }

    @Override
    public java.net.Socket createSocket(java.net.InetAddress host, int port)
        throws java.io.IOException {
      return noDelay(plain.createSocket(host, port));
    }

    @Override
    public java.net.Socket createSocket(
        java.net.InetAddress host, int port, java.net.InetAddress local, int localPort)
        throws java.io.IOException {
      return noDelay(plain.createSocket(host, port, local, localPort));
    }

    private static java.net.Socket noDelay(java.net.Socket s) throws java.io.IOException {
      s.setTcpNoDelay(true);
      return s;
    }
  }

  /**
   * When each incident's second first-response task (police and ambulance ASSIGN) reached a
   * subscriber on the broker, by incident id, in {@link System#nanoTime()}.
   */
  static Map<String, Long> whenBothTasksArrive(MqttClient control) throws Exception {
    Map<String, Long> bothTasksAt = new ConcurrentHashMap<>();
    Map<String, Integer> rolesSeen = new ConcurrentHashMap<>();
    control.subscribe(
        "oscar/v1/unit/+/task",
        1,
        (t, m) -> {
          TaskMessage task = Json.fromBytes(m.getPayload(), TaskMessage.class);
          if (task.action() == TaskAction.ASSIGN) {
            int bit = task.role() == Role.POLICE ? 1 : task.role() == Role.AMBULANCE ? 2 : 0;
            int seen = rolesSeen.merge(task.incidentId(), bit, (a, b) -> a | b);
            if (seen == 3) {
              bothTasksAt.putIfAbsent(task.incidentId(), System.nanoTime());
            }
          }
        });
    return bothTasksAt;
  }

  /** The job's Prometheus page. */
  static String metrics() throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + LocalStack.METRICS_PORT + "/metrics"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  static long jobRecordsIn() throws Exception {
    String body = metrics();
    double sum = 0;
    for (String line : body.lines().toList()) {
      // What the validation step took in: every message the source emitted, counted once (the
      // source operator's own counter shares its task's labels and would double it).
      if (line.startsWith("flink_taskmanager_job_task_operator_numRecordsIn{")
          && line.contains("operator_name=\"validate\"")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return (long) sum;
  }

  private static long redisWrites(LocalStack stack) {
    String info = stack.redisClient.info("commandstats");
    for (String line : info.lines().toList()) {
      if (line.startsWith("cmdstat_hset:")) {
        String calls = line.substring(line.indexOf("calls=") + 6);
        return Long.parseLong(calls.substring(0, calls.indexOf(',')));
      }
    }
    return 0;
  }

  static long pct(List<Long> sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1)));
  }

  private static String unit(int i) {
    return "B-UNIT-" + i;
  }

  private static String survivor(int i) {
    return "B-SURV-" + i;
  }
}
