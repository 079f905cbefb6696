package org.oscar.stream.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oscar.contract.codec.RejectReason;
import org.oscar.contract.live.LiveKeys;
import org.oscar.contract.registry.DeviceRecord;
import org.oscar.contract.registry.DeviceRecord.DeviceStatus;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.stream.connector.redis.RedisEndpoint;
import org.oscar.stream.validate.InboundValidator;
import org.oscar.stream.validate.ValidationPolicy;
import org.oscar.testkit.RedisProcess;
import redis.clients.jedis.RedisClient;

/** The pipeline's view of the registry on a real Redis: devices appear and are revoked live. */
class RegistryDirectoryIT {
  private static RedisProcess redis;
  private static RedisClient client;

  @BeforeAll
  static void start() {
    redis = new RedisProcess();
    redis.start();
    client = RedisClient.create(redis.host(), redis.port());
  }

  @AfterAll
  static void stop() {
    client.close();
    redis.close();
  }

  @Test
  void seesDevicesAddedAndRevokedWhileRunningAndTheValidatorRefusesRevokedOnes() {
    put(new DeviceRecord("PCR-1", DeviceKind.POLICE, "bbsr", DeviceStatus.ACTIVE, 1, null, null));
    try (RegistryDirectory directory =
        new RegistryDirectory(
            new RedisEndpoint(redis.host(), redis.port(), null), Duration.ofMillis(200))) {
      InboundValidator validator = new InboundValidator(directory, ValidationPolicy.defaults());
      assertThat(directory.lookup("PCR-1")).map(DeviceEntry::region).contains("bbsr");
      assertThat(directory.lookup("SURV-NEW")).isEmpty();

      put(
          new DeviceRecord(
              "SURV-NEW", DeviceKind.PANIC, "bbsr", DeviceStatus.ACTIVE, 2, null, null));
      put(
          new DeviceRecord(
              "PCR-1", DeviceKind.POLICE, "bbsr", DeviceStatus.REVOKED, 1, null, null));

      await().atMost(Duration.ofSeconds(5)).until(() -> directory.lookup("SURV-NEW").isPresent());
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> directory.lookup("PCR-1").orElseThrow().revoked());
      long now = System.currentTimeMillis();
      byte[] pos =
          ("{\"seq\":1,\"ts\":" + now + ",\"lat\":20.3,\"lon\":85.8}")
              .getBytes(StandardCharsets.UTF_8);
      assertThat(validator.validate("oscar/v1/unit/PCR-1/pos", pos, now).reason())
          .isEqualTo(RejectReason.REVOKED_DEVICE);
      assertThat(validator.validate("oscar/v1/dev/SURV-NEW/sos", pos, now).isOk()).isTrue();
    }
  }

  private static void put(DeviceRecord r) {
    client.del(LiveKeys.device(r.id()));
    client.hset(LiveKeys.device(r.id()), r.toHash());
    client.sadd(LiveKeys.devices(), r.id());
  }
}
