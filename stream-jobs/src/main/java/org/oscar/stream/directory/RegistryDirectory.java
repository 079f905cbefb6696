package org.oscar.stream.directory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.oscar.contract.live.LiveKeys;
import org.oscar.contract.registry.DeviceRecord;
import org.oscar.stream.connector.redis.RedisEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;

/**
 * The device registry (Redis, written by the device gateway) as the pipeline sees it: loaded whole
 * at start, then reloaded every {@code refresh}, so a device added or revoked is known to the
 * pipeline within that time. Lookups never touch Redis: they read the last loaded snapshot. If
 * Redis is unreachable the last snapshot stays in force.
 */
public final class RegistryDirectory implements DeviceLookup, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RegistryDirectory.class);

  private final RedisClient redis;
  private final ScheduledExecutorService refresher;
  private volatile Map<String, DeviceEntry> entries = Map.of();

  public RegistryDirectory(RedisEndpoint endpoint, Duration refresh) {
    this.redis = endpoint.connect();
    reload();
    this.refresher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "device-registry-refresh");
              t.setDaemon(true);
              return t;
            });
    refresher.scheduleWithFixedDelay(
        this::reloadQuietly, refresh.toMillis(), refresh.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** A source for the job graph: each parallel instance opens its own. */
  public static DirectorySource source(RedisEndpoint endpoint, Duration refresh) {
    return () -> new RegistryDirectory(endpoint, refresh);
  }

  @Override
  public Optional<DeviceEntry> lookup(String id) {
    return Optional.ofNullable(entries.get(id));
  }

  void reload() {
    List<String> ids = redis.smembers(LiveKeys.devices()).stream().sorted().toList();
    Map<String, Response<Map<String, String>>> pending = new HashMap<>();
    try (AbstractPipeline p = redis.pipelined()) {
      for (String id : ids) {
        pending.put(id, p.hgetAll(LiveKeys.device(id)));
      }
      p.sync();
    }
    Map<String, DeviceEntry> fresh = new HashMap<>();
    pending.forEach(
        (id, response) -> {
          Map<String, String> h = response.get();
          if (h != null && !h.isEmpty()) {
            DeviceRecord r = DeviceRecord.fromHash(id, h);
            fresh.put(
                id,
                new DeviceEntry(
                    id, r.kind(), r.region(), r.cancelPinHash(), r.duressPinHash(), !r.isActive()));
          }
        });
    entries = Map.copyOf(fresh);
  }

  private void reloadQuietly() {
    try {
      reload();
    } catch (RuntimeException e) {
      LOG.warn(
          "device registry not reloaded, keeping {} known devices: {}",
          entries.size(),
          e.getMessage());
    }
  }

  @Override
  public void close() {
    refresher.shutdownNow();
    redis.close();
  }
}
