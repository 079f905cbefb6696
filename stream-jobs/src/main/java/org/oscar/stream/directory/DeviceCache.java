package org.oscar.stream.directory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.oscar.contract.flow.TokenBucket;

/**
 * What one validation instance knows of the registry: devices read through on their first message,
 * and ids the registry did not have, remembered for {@code missTtlMs} so that a stranger repeating
 * a made-up id costs one read, not one per message. Reads for ids not cached are budgeted (a token
 * bucket): past the budget an unknown id is refused without asking the registry, so a flood of
 * made-up ids cannot hammer it. A change heard from the registry's change feed forgets the device,
 * and its next message reads it again.
 *
 * <p>Lookups run on the task thread, {@link #changed} and {@link #putIfUnchanged} on others. A read
 * that raced a change is answered but not cached: its answer may predate the change.
 */
public final class DeviceCache implements DeviceLookup {
  /** Reads one device from the registry; empty if it is not there. May throw if unreachable. */
  @FunctionalInterface
  public interface Registry {
    Optional<DeviceEntry> read(String id);
  }

  /** Counts of what lookups did, for metrics and tests. */
  public record Stats(
      long hits, long readThrough, long knownMisses, long overBudget, long failed) {}

  private static final int MAX_REMEMBERED_MISSES = 100_000;

  private final Registry registry;
  private final long missTtlMs;
  private final TokenBucket readBudget;
  private final LongSupplier clock;
  private final Map<String, DeviceEntry> known = new ConcurrentHashMap<>();
  private final Map<String, Long> missedUntil = new ConcurrentHashMap<>();
  private final AtomicLong changes = new AtomicLong();
  private long hits;
  private long readThrough;
  private long knownMisses;
  private long overBudget;
  private long failed;

  /**
   * @param readsPerSecond the sustained rate of registry reads for ids not cached; the burst is
   *     that many again
   */
  public DeviceCache(Registry registry, long missTtlMs, double readsPerSecond, LongSupplier clock) {
    this.registry = registry;
    this.missTtlMs = missTtlMs;
    this.clock = clock;
    this.readBudget = new TokenBucket(readsPerSecond, readsPerSecond, clock.getAsLong());
  }

  @Override
  public Optional<DeviceEntry> lookup(String id) {
    DeviceEntry entry = known.get(id);
    if (entry != null) {
      hits++;
      return Optional.of(entry);
    }
    long now = clock.getAsLong();
    Long until = missedUntil.get(id);
    if (until != null && until > now) {
      knownMisses++;
      return Optional.empty();
    }
    if (!readBudget.tryTake(now)) {
      overBudget++;
      return Optional.empty();
    }
    long before = changes.get();
    Optional<DeviceEntry> read;
    try {
      read = registry.read(id);
    } catch (RuntimeException e) {
      // The registry is away: refuse this message (counted), ask again for the next one.
      failed++;
      return Optional.empty();
    }
    readThrough++;
    if (read.isPresent()) {
      putIfUnchanged(read.get(), before);
    } else if (changes.get() == before) {
      if (missedUntil.size() >= MAX_REMEMBERED_MISSES) {
        missedUntil.clear();
      }
      missedUntil.put(id, now + missTtlMs);
    }
    return read;
  }

  /** The change counter, to be read before a registry read whose result is then cached. */
  public long changeCount() {
    return changes.get();
  }

  /**
   * Caches an entry read from the registry unless a change was heard since {@code changesBefore}
   * (then the entry may be older than the change, and the next lookup reads it again).
   */
  public void putIfUnchanged(DeviceEntry entry, long changesBefore) {
    known.putIfAbsent(entry.id(), entry);
    if (changes.get() != changesBefore) {
      known.remove(entry.id(), entry);
    }
  }

  /** The registry says this device changed: forget it, and that it was missing. */
  public void changed(String id) {
    changes.incrementAndGet();
    known.remove(id);
    missedUntil.remove(id);
  }

  /** Forget everything (the change feed had a gap): every device is read again. */
  public void clear() {
    changes.incrementAndGet();
    known.clear();
    missedUntil.clear();
  }

  public int size() {
    return known.size();
  }

  public Stats stats() {
    return new Stats(hits, readThrough, knownMisses, overBudget, failed);
  }
}
