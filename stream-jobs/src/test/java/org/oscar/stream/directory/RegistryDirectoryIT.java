package org.oscar.stream.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oscar.contract.codec.RejectReason;
import org.oscar.contract.registry.DeviceRecord;
import org.oscar.contract.registry.DeviceRecord.DeviceStatus;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.gateway.registry.DeviceRegistry;
import org.oscar.stream.connector.redis.RedisEndpoint;
import org.oscar.stream.validate.InboundValidator;
import org.oscar.stream.validate.ValidationPolicy;
import org.oscar.testkit.RedisProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's view of the registry on a real Redis, written by the gateway's own registry: new
 * devices are heard at once, revocations through the change feed, and the feed survives Redis being
 * restarted.
 */
class RegistryDirectoryIT {
  private static final Logger LOG = LoggerFactory.getLogger(RegistryDirectoryIT.class);
  private static RedisProcess redis;
  private static DeviceRegistry registry;

  @BeforeAll
  static void start() {
    redis = RedisProcess.persistent();
    redis.start();
    registry = DeviceRegistry.connect(redis.host(), redis.port(), null);
  }

  @AfterAll
  static void stop() {
    registry.close();
    redis.close();
  }

  private static RegistryDirectory directory() {
    return new RegistryDirectory(
        new RedisEndpoint(redis.host(), redis.port(), null), Duration.ofSeconds(2), 500);
  }

  private static DeviceRecord device(String id, DeviceKind kind, DeviceStatus status) {
    return new DeviceRecord(id, kind, "bbsr", status, 1, null, null);
  }

  @Test
  void aDeviceProvisionedWhileRunningIsAcceptedOnItsFirstMessage() {
    registry.put(device("PCR-1", DeviceKind.POLICE, DeviceStatus.ACTIVE));
    try (RegistryDirectory directory = directory()) {
      InboundValidator validator = new InboundValidator(directory, ValidationPolicy.defaults());

      registry.put(device("SURV-NEW", DeviceKind.PANIC, DeviceStatus.ACTIVE));

      assertThat(validator.validate("oscar/v1/dev/SURV-NEW/sos", press(), now()).isOk())
          .as("heard on its first message, not after a reload")
          .isTrue();
    }
  }

  @Test
  void anIdRefusedBeforeItWasProvisionedIsHeardOnceTheFeedSaysItWas() {
    try (RegistryDirectory directory = directory()) {
      InboundValidator validator = new InboundValidator(directory, ValidationPolicy.defaults());
      assertThat(validator.validate("oscar/v1/dev/SURV-EARLY/sos", press(), now()).reason())
          .isEqualTo(RejectReason.UNKNOWN_DEVICE);

      long provisionedAt = System.nanoTime();
      registry.put(device("SURV-EARLY", DeviceKind.PANIC, DeviceStatus.ACTIVE));

      // Sooner than the 2 s a miss is otherwise remembered for: the feed forgets it.
      await()
          .atMost(Duration.ofSeconds(5))
          .pollInterval(Duration.ofMillis(5))
          .until(() -> directory.lookup("SURV-EARLY").isPresent());
      LOG.info(
          "a remembered miss forgotten through the feed after {} ms",
          (System.nanoTime() - provisionedAt) / 1_000_000);
    }
  }

  @Test
  void aRevocationIsHeardThroughTheChangeFeedAndTheValidatorRefusesTheDevice() {
    registry.put(device("PCR-2", DeviceKind.POLICE, DeviceStatus.ACTIVE));
    try (RegistryDirectory directory = directory()) {
      InboundValidator validator = new InboundValidator(directory, ValidationPolicy.defaults());
      assertThat(validator.validate("oscar/v1/unit/PCR-2/pos", press(), now()).isOk()).isTrue();

      long revokedAt = System.nanoTime();
      registry.put(device("PCR-2", DeviceKind.POLICE, DeviceStatus.REVOKED));
      await()
          .atMost(Duration.ofSeconds(5))
          .pollInterval(Duration.ofMillis(5))
          .until(() -> directory.lookup("PCR-2").orElseThrow().revoked());
      LOG.info(
          "revocation heard by the pipeline after {} ms",
          (System.nanoTime() - revokedAt) / 1_000_000);

      assertThat(validator.validate("oscar/v1/unit/PCR-2/pos", press(), now()).reason())
          .isEqualTo(RejectReason.REVOKED_DEVICE);
    }
  }

  @Test
  void aFloodOfMadeUpIdsIsRefusedWithinTheReadBudget() {
    try (RegistryDirectory directory = directory()) {
      List<Boolean> found = new ArrayList<>();
      for (int i = 0; i < 20_000; i++) {
        found.add(directory.lookup("FAKE-" + i).isPresent());
      }
      assertThat(found).containsOnly(false);
      DeviceCache.Stats stats = directory.stats();
      assertThat(stats.readThrough() + stats.failed())
          .as("registry reads for 20 000 made-up ids")
          .isLessThan(2_000);
      assertThat(stats.overBudget()).isGreaterThan(18_000);
    }
  }

  @Test
  void afterRedisIsKilledAndRestartedTheFeedIsFollowedAgainAndARevocationMadeThenIsHeard() {
    registry.put(device("PCR-3", DeviceKind.POLICE, DeviceStatus.ACTIVE));
    try (RegistryDirectory directory = directory()) {
      assertThat(directory.lookup("PCR-3")).isPresent();

      redis.kill();
      assertThat(directory.lookup("PCR-3"))
          .as("served from the cache while Redis is away")
          .isPresent();
      redis.start();

      await()
          .atMost(Duration.ofSeconds(15))
          .ignoreExceptions()
          .until(
              () -> {
                registry.put(device("PCR-3", DeviceKind.POLICE, DeviceStatus.REVOKED));
                return true;
              });
      await()
          .atMost(Duration.ofSeconds(15))
          .ignoreExceptions()
          .until(() -> directory.lookup("PCR-3").orElseThrow().revoked());
    }
  }

  @Test
  void theStartUpLoadCachesEveryDeviceSoTheirFirstMessagesCostNoRead() {
    for (int i = 0; i < 2_500; i++) {
      registry.put(device("BULK-" + i, DeviceKind.AMBULANCE, DeviceStatus.ACTIVE));
    }
    try (RegistryDirectory directory = directory()) {
      await().atMost(Duration.ofSeconds(30)).until(directory::warmedUp);
      for (int i = 0; i < 2_500; i++) {
        assertThat(directory.lookup("BULK-" + i)).isPresent();
      }
      assertThat(directory.stats().readThrough()).isZero();
    }
  }

  private static long now() {
    return System.currentTimeMillis();
  }

  private static byte[] press() {
    return ("{\"seq\":1,\"ts\":" + now() + ",\"lat\":20.3,\"lon\":85.8}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
