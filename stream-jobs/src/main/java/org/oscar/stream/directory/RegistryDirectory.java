package org.oscar.stream.directory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.oscar.contract.live.LiveKeys;
import org.oscar.contract.registry.DeviceRecord;
import org.oscar.stream.connector.redis.RedisEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The device registry (Redis, written by the device gateway) as one validation instance sees it.
 *
 * <ul>
 *   <li>A device is heard from its first message: a device not cached is read through from Redis on
 *       the spot ({@link DeviceCache}), so one provisioned a second ago is served.
 *   <li>A change (provisioned again, revoked) is heard through the registry's change feed ({@link
 *       LiveKeys#deviceChanges()}), followed with a blocking read that wakes at least every {@link
 *       #FEED_BLOCK_MS}: the device is forgotten and read again on its next message, well within a
 *       second. If the feed cannot be read (Redis away), what is cached stays in force; when it can
 *       again, everything cached is forgotten, since changes may have been missed.
 *   <li>At start the registry is loaded in the background, in batches, so the first message of each
 *       of a million devices does not each cost a read; lookups read through meanwhile.
 * </ul>
 */
public final class RegistryDirectory implements DeviceLookup, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RegistryDirectory.class);
  static final int FEED_BLOCK_MS = 250;
  private static final int WARM_BATCH = 1_000;
  private static final Map<String, String> REGIONS = new ConcurrentHashMap<>();

  private final RedisClient redis;
  private final DeviceCache cache;
  private final Thread feed;
  private final Thread warm;
  private volatile boolean closed;
  private volatile boolean warmedUp;

  /**
   * @param missTtl how long an id the registry did not have is taken as unknown without asking
   * @param readsPerSecond registry reads allowed per second for ids not cached
   */
  public RegistryDirectory(RedisEndpoint endpoint, Duration missTtl, double readsPerSecond) {
    this.redis = endpoint.connect();
    this.cache =
        new DeviceCache(this::read, missTtl.toMillis(), readsPerSecond, System::currentTimeMillis);
    // Where the feed starts is taken before the load, so no change made during it is missed.
    StreamEntryID from = feedTail();
    this.feed = daemon("device-registry-feed", () -> follow(from));
    this.warm = daemon("device-registry-load", this::warmUp);
  }

  /** A source for the job graph: each parallel instance opens its own. */
  public static DirectorySource source(
      RedisEndpoint endpoint, Duration missTtl, double readsPerSecond) {
    return () -> new RegistryDirectory(endpoint, missTtl, readsPerSecond);
  }

  private static Thread daemon(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  @Override
  public Optional<DeviceEntry> lookup(String id) {
    return cache.lookup(id);
  }

  public DeviceCache.Stats stats() {
    return cache.stats();
  }

  public int cachedDevices() {
    return cache.size();
  }

  /** True once the start-up load finished (lookups are served before that too). */
  public boolean warmedUp() {
    return warmedUp;
  }

  private Optional<DeviceEntry> read(String id) {
    Map<String, String> h = redis.hgetAll(LiveKeys.device(id));
    return h == null || h.isEmpty() ? Optional.empty() : Optional.of(entry(id, h));
  }

  private static DeviceEntry entry(String id, Map<String, String> h) {
    DeviceRecord r = DeviceRecord.fromHash(id, h);
    // A million devices share a few dozen regions: one String each, not one per device.
    String region = r.region() == null ? null : REGIONS.computeIfAbsent(r.region(), k -> k);
    return new DeviceEntry(
        id, r.kind(), region, r.cancelPinHash(), r.duressPinHash(), !r.isActive());
  }

  private StreamEntryID feedTail() {
    try {
      List<StreamEntry> last = redis.xrevrange(LiveKeys.deviceChanges(), "+", "-", 1);
      return last.isEmpty() ? new StreamEntryID(0, 0) : last.get(0).getID();
    } catch (RuntimeException e) {
      LOG.warn("device registry change feed not readable yet: {}", e.getMessage());
      return null;
    }
  }

  private void follow(StreamEntryID start) {
    StreamEntryID from = start;
    boolean lost = start == null;
    while (!closed) {
      try {
        if (lost) {
          from = feedTail();
          if (from == null) {
            sleep(1_000);
            continue;
          }
          // Changes may have been missed while the feed was away: read every device again.
          cache.clear();
          lost = false;
        }
        var read =
            redis.xread(
                XReadParams.xReadParams().block(FEED_BLOCK_MS).count(1_000),
                Map.of(LiveKeys.deviceChanges(), from));
        if (read == null) {
          continue;
        }
        for (var stream : read) {
          for (StreamEntry change : stream.getValue()) {
            String id = change.getFields().get(LiveKeys.DEVICE_CHANGE_FIELD);
            if (id != null) {
              cache.changed(id);
            }
            from = change.getID();
          }
        }
      } catch (RuntimeException e) {
        if (closed) {
          return;
        }
        if (!lost) {
          LOG.warn(
              "device registry change feed lost ({}); keeping {} cached devices",
              e.getMessage(),
              cache.size());
        }
        lost = true;
        sleep(1_000);
      }
    }
  }

  private void warmUp() {
    String cursor = ScanParams.SCAN_POINTER_START;
    ScanParams batch = new ScanParams().count(WARM_BATCH);
    int loaded = 0;
    try {
      do {
        ScanResult<String> page = redis.sscan(LiveKeys.devices(), cursor, batch);
        loaded += load(page.getResult());
        cursor = page.getCursor();
      } while (!closed && !ScanParams.SCAN_POINTER_START.equals(cursor));
      warmedUp = true;
      LOG.info("device registry loaded: {} devices", loaded);
    } catch (RuntimeException e) {
      // Not needed for correctness: devices not loaded are read through on their first message.
      LOG.warn("device registry load stopped after {} devices: {}", loaded, e.getMessage());
    }
  }

  private int load(List<String> ids) {
    long changesBefore = cache.changeCount();
    List<Response<Map<String, String>>> hashes = new ArrayList<>(ids.size());
    try (AbstractPipeline p = redis.pipelined()) {
      for (String id : ids) {
        hashes.add(p.hgetAll(LiveKeys.device(id)));
      }
      p.sync();
    }
    int n = 0;
    for (int i = 0; i < ids.size(); i++) {
      Map<String, String> h = hashes.get(i).get();
      if (h != null && !h.isEmpty()) {
        cache.putIfUnchanged(entry(ids.get(i), h), changesBefore);
        n++;
      }
    }
    return n;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closed = true;
    feed.interrupt();
    warm.interrupt();
    try {
      feed.join(2_000);
      warm.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    redis.close();
  }
}
