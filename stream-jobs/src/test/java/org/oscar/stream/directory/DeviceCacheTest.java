package org.oscar.stream.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.oscar.contract.wire.DeviceKind;

class DeviceCacheTest {
  private final AtomicLong now = new AtomicLong(1_000_000);
  private final Map<String, DeviceEntry> registry = new HashMap<>();
  private int reads;
  private boolean down;

  private DeviceCache cache(double readsPerSecond) {
    return new DeviceCache(
        id -> {
          if (down) {
            throw new IllegalStateException("registry away");
          }
          reads++;
          return Optional.ofNullable(registry.get(id));
        },
        2_000,
        readsPerSecond,
        now::get);
  }

  private void provision(String id, boolean revoked) {
    registry.put(id, new DeviceEntry(id, DeviceKind.PANIC, "bbsr", null, null, revoked));
  }

  @Test
  void aDeviceProvisionedAfterStartIsFoundOnItsFirstMessageAndThenServedFromTheCache() {
    DeviceCache cache = cache(100);
    provision("SURV-1", false);

    assertThat(cache.lookup("SURV-1")).map(DeviceEntry::region).contains("bbsr");
    assertThat(cache.lookup("SURV-1")).isPresent();

    assertThat(reads).isEqualTo(1);
    assertThat(cache.stats().hits()).isEqualTo(1);
  }

  @Test
  void anUnknownIdIsReadOnceAndRefusedUnreadUntilItsMissExpires() {
    DeviceCache cache = cache(100);
    for (int i = 0; i < 50; i++) {
      assertThat(cache.lookup("NOBODY")).isEmpty();
    }
    assertThat(reads).isEqualTo(1);

    provision("NOBODY", false);
    now.addAndGet(2_001);
    assertThat(cache.lookup("NOBODY")).isPresent();
    assertThat(reads).isEqualTo(2);
  }

  @Test
  void aChangeHeardFromTheFeedForgetsAMissSoTheNewDeviceIsHeardAtOnce() {
    DeviceCache cache = cache(100);
    assertThat(cache.lookup("SURV-2")).isEmpty();
    provision("SURV-2", false);

    cache.changed("SURV-2");

    assertThat(cache.lookup("SURV-2")).isPresent();
  }

  @Test
  void aRevocationHeardFromTheFeedIsSeenOnTheNextLookup() {
    DeviceCache cache = cache(100);
    provision("PCR-1", false);
    assertThat(cache.lookup("PCR-1").orElseThrow().revoked()).isFalse();

    provision("PCR-1", true);
    assertThat(cache.lookup("PCR-1").orElseThrow().revoked()).isFalse();
    cache.changed("PCR-1");

    assertThat(cache.lookup("PCR-1").orElseThrow().revoked()).isTrue();
  }

  @Test
  void aFloodOfMadeUpIdsCostsTheRegistryNoMoreThanTheReadBudget() {
    DeviceCache cache = cache(20);
    provision("PCR-1", false);
    cache.lookup("PCR-1");
    int before = reads;

    for (int i = 0; i < 10_000; i++) {
      cache.lookup("FAKE-" + i);
      if (i % 1_000 == 999) {
        now.addAndGet(100);
      }
    }

    // 20 of burst, then 20/s over the second the flood took.
    assertThat(reads - before).isLessThanOrEqualTo(20 + 20 + 1);
    assertThat(cache.stats().overBudget()).isGreaterThan(9_000);
    // A known device is still served from the cache.
    assertThat(cache.lookup("PCR-1")).isPresent();
  }

  @Test
  void whileTheRegistryIsAwayCachedDevicesAreServedAndAnUncachedOneIsAskedForAgainLater() {
    DeviceCache cache = cache(100);
    provision("PCR-1", false);
    provision("SURV-3", false);
    cache.lookup("PCR-1");
    down = true;

    assertThat(cache.lookup("PCR-1")).isPresent();
    assertThat(cache.lookup("SURV-3")).isEmpty();
    assertThat(cache.stats().failed()).isEqualTo(1);

    down = false;
    assertThat(cache.lookup("SURV-3")).isPresent();
  }

  @Test
  void anEntryReadBeforeAChangeIsAnsweredButNotKept() {
    DeviceCache cache = cache(100);
    long before = cache.changeCount();
    DeviceEntry old = new DeviceEntry("PCR-9", DeviceKind.POLICE, "bbsr", null, null, false);
    cache.changed("PCR-9");

    cache.putIfUnchanged(old, before);

    assertThat(cache.size()).isZero();
  }
}
