package org.oscar.stream.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.oscar.contract.live.LiveKeys;
import org.oscar.contract.registry.DeviceRecord;
import org.oscar.contract.registry.DeviceRecord.DeviceStatus;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.gateway.registry.DeviceRegistry;

/**
 * The job as the local run wires it (the registry in Redis, two uplink readers): a panic device
 * provisioned while the job runs, pressed one second later, is dispatched.
 */
class ProvisionedDeviceITCase {
  private static final String REGION = "khordha";
  private static final double LAT = 20.265367;
  private static final double LON = 85.828033;

  @RegisterExtension static final MiniClusterExtension FLINK = LocalStack.miniCluster();

  private static LocalStack stack;
  private static DeviceRegistry registry;
  private final AtomicLong seq = new AtomicLong();

  @BeforeAll
  static void start() throws Exception {
    stack = new LocalStack();
    registry = DeviceRegistry.connect(stack.redis.host(), stack.redis.port(), null);
  }

  @AfterAll
  static void stop() {
    registry.close();
    stack.close();
  }

  @Test
  void aPanicDeviceProvisionedWhileTheJobRunsIsDispatchedOneSecondLater() throws Exception {
    registry.put(unit("PCR-P1", DeviceKind.POLICE));
    registry.put(unit("AMB-P1", DeviceKind.AMBULANCE));
    JobClient job = startJob();
    try (MqttTestClient devices = new MqttTestClient(stack.mosquitto.url())) {
      devices.subscribe("oscar/v1/unit/+/task");
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> {
                for (String u : List.of("PCR-P1", "AMB-P1")) {
                  reportAvailable(devices, u);
                  assertThat(stack.redisClient.hget(LiveKeys.unit(u), "status"))
                      .isEqualTo("AVAILABLE");
                  // Positions have their own lane, which may subscribe later than the statuses'.
                  assertThat(stack.redisClient.hget(LiveKeys.unit(u), "lat")).isNotNull();
                }
              });

      registry.put(
          new DeviceRecord(
              "SURV-P1",
              DeviceKind.PANIC,
              REGION,
              DeviceStatus.ACTIVE,
              System.currentTimeMillis(),
              null,
              null));
      Thread.sleep(1_000);
      devices.publish(
          "oscar/v1/dev/SURV-P1/sos",
          "{\"seq\":1,\"ts\":"
              + System.currentTimeMillis()
              + ",\"lat\":"
              + LAT
              + ",\"lon\":"
              + LON
              + "}");

      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                assertThat(devices.receivedOn("oscar/v1/unit/PCR-P1/task")).hasSize(1);
                assertThat(devices.receivedOn("oscar/v1/unit/AMB-P1/task")).hasSize(1);
              });
      assertThat(stack.incidentsOf("SURV-P1")).hasSize(1);
    } finally {
      job.cancel().get();
    }
  }

  private static DeviceRecord unit(String id, DeviceKind kind) {
    return new DeviceRecord(
        id, kind, REGION, DeviceStatus.ACTIVE, System.currentTimeMillis(), null, null);
  }

  private JobClient startJob() throws Exception {
    JobConfig config =
        JobConfig.from(
            Map.of(
                "OSCAR_MQTT_URL",
                stack.mosquitto.url(),
                "OSCAR_REDIS_PORT",
                String.valueOf(stack.redis.port()),
                "OSCAR_ALERT_API_URL",
                "http://127.0.0.1:" + stack.apiPort(),
                "OSCAR_ALERT_API_TOKEN",
                LocalStack.TOKEN,
                "OSCAR_REGIONS_DIR",
                org.oscar.stream.region.TestRegions.SHIPPED.toString(),
                "OSCAR_DEVICE_DIRECTORY",
                "registry",
                "OSCAR_CASE_INTAKE",
                "off"));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.enableCheckpointing(1_000);
    OscarJobMain.wire(config).build(env);
    return env.executeAsync("oscar-provisioned-it");
  }

  private void reportAvailable(MqttTestClient devices, String unit) throws Exception {
    long now = System.currentTimeMillis();
    devices.publish(
        "oscar/v1/unit/" + unit + "/status",
        "{\"seq\":" + seq.incrementAndGet() + ",\"ts\":" + now + ",\"status\":\"AVAILABLE\"}");
    devices.publish(
        "oscar/v1/unit/" + unit + "/pos",
        "{\"seq\":"
            + seq.incrementAndGet()
            + ",\"ts\":"
            + now
            + ",\"lat\":"
            + (LAT + 0.01)
            + ",\"lon\":"
            + LON
            + "}");
  }
}
