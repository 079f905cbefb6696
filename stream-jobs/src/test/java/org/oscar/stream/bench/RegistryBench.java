package org.oscar.stream.bench;

import java.security.SecureRandom;
import java.time.Duration;
import org.oscar.contract.live.LiveKeys;
import org.oscar.contract.registry.DeviceRecord;
import org.oscar.contract.registry.DeviceRecord.DeviceStatus;
import org.oscar.contract.security.PinHash;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.stream.connector.redis.RedisEndpoint;
import org.oscar.stream.directory.RegistryDirectory;
import org.oscar.testkit.RedisProcess;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;

/**
 * The pipeline's view of a registry of N devices (default 1 000 000: 90 % panic devices with cancel
 * and duress PIN hashes, 10 % units, over Odisha's 30 districts) in a private Redis: how long one
 * validation instance takes to load it at start, the heap it holds per device, the cost of a lookup
 * of a cached device, of a read-through of one provisioned after the load, and how soon a
 * revocation is heard. Run by {@code deploy/bench/registry.sh [devices]}; figures in
 * docs/benchmarks.md.
 */
public final class RegistryBench {
  private static final int LOOKUPS = 20_000_000;
  private static final int READ_THROUGHS = 20_000;

  public static void main(String[] args) throws Exception {
    int devices = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    try (RedisProcess redis = new RedisProcess()) {
      redis.start();
      RedisClient client = RedisClient.create(redis.host(), redis.port());
      fill(client, devices);
      RedisEndpoint endpoint = new RedisEndpoint(redis.host(), redis.port(), null);

      long heapBefore = usedHeap();
      long start = System.nanoTime();
      RegistryDirectory directory = new RegistryDirectory(endpoint, Duration.ofSeconds(2), 500);
      while (!directory.warmedUp()) {
        Thread.sleep(50);
      }
      double loadS = (System.nanoTime() - start) / 1e9;
      long heapAfter = usedHeap();
      System.out.printf(
          "[registry] %d devices loaded in %.1f s (%.0f/s); heap %.0f MB, %.0f bytes per device%n",
          directory.cachedDevices(),
          loadS,
          directory.cachedDevices() / loadS,
          (heapAfter - heapBefore) / 1e6,
          (double) (heapAfter - heapBefore) / directory.cachedDevices());

      // A cached device: the hot path of every message.
      long found = 0;
      for (int round = 0; round < 2; round++) {
        start = System.nanoTime();
        for (int i = 0; i < LOOKUPS; i++) {
          found += directory.lookup(id(i % devices)).isPresent() ? 1 : 0;
        }
        double ns = (System.nanoTime() - start) / (double) LOOKUPS;
        System.out.printf(
            "[registry] cached lookup (round %d): %.0f ns, incl. building the id string%n",
            round + 1, ns);
      }

      // Devices provisioned after the load: the first message of each reads it through.
      for (int i = 0; i < READ_THROUGHS; i++) {
        client.hset(LiveKeys.device("NEW-" + i), record("NEW-" + i, i).toHash());
      }
      start = System.nanoTime();
      for (int i = 0; i < READ_THROUGHS; i++) {
        found += directory.lookup("NEW-" + i).isPresent() ? 1 : 0;
        if (i % 400 == 399) {
          Thread.sleep(1_000); // within the read budget of 500/s
        }
      }
      System.out.printf(
          "[registry] read-through of a device provisioned after the load: %.0f µs each"
              + " (measured over %d, the read budget's pauses excluded)%n",
          ((System.nanoTime() - start) / 1e3 - (READ_THROUGHS / 400) * 1e6) / READ_THROUGHS,
          READ_THROUGHS);

      // A revocation through the change feed, written as the gateway writes it.
      org.oscar.gateway.registry.DeviceRegistry gateway =
          new org.oscar.gateway.registry.DeviceRegistry(client);
      long worst = 0;
      for (int i = 0; i < 20; i++) {
        String id = id(i * 997);
        DeviceRecord r = DeviceRecord.fromHash(id, client.hgetAll(LiveKeys.device(id)));
        long t0 = System.nanoTime();
        gateway.put(r.revoked());
        while (!directory.lookup(id).orElseThrow().revoked()) {
          Thread.onSpinWait();
        }
        worst = Math.max(worst, System.nanoTime() - t0);
      }
      System.out.printf(
          "[registry] revocation heard by the pipeline: worst of 20 %.1f ms (found %d)%n",
          worst / 1e6, found);
      directory.close();
      client.close();
    }
    System.exit(0);
  }

  private static void fill(RedisClient client, int devices) {
    SecureRandom random = new SecureRandom();
    // Real PBKDF2 strings, computed once: each device's are read back as strings of its own.
    String cancel = PinHash.hash("2468", random, 1_000);
    String duress = PinHash.hash("1357", random, 1_000);
    long start = System.nanoTime();
    AbstractPipeline p = client.pipelined();
    for (int i = 0; i < devices; i++) {
      DeviceRecord r = record(id(i), i);
      if (r.kind() == DeviceKind.PANIC) {
        r =
            new DeviceRecord(
                r.id(), r.kind(), r.region(), r.status(), r.createdAt(), cancel, duress);
      }
      p.hset(LiveKeys.device(r.id()), r.toHash());
      p.sadd(LiveKeys.devices(), r.id());
      if (i % 10_000 == 9_999) {
        p.sync();
        p.close();
        p = client.pipelined();
      }
    }
    p.sync();
    p.close();
    System.out.printf(
        "[registry] %d devices written to Redis in %.1f s%n",
        devices, (System.nanoTime() - start) / 1e9);
  }

  private static DeviceRecord record(String id, int i) {
    DeviceKind kind =
        i % 10 == 0 ? (i % 20 == 0 ? DeviceKind.POLICE : DeviceKind.AMBULANCE) : DeviceKind.PANIC;
    return new DeviceRecord(
        id, kind, "district-" + (i % 30), DeviceStatus.ACTIVE, 1_700_000_000_000L, null, null);
  }

  private static String id(int i) {
    return "DEV-" + i;
  }

  private static long usedHeap() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
