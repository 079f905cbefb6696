package org.oscar.gateway.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oscar.contract.live.LiveKeys;
import org.oscar.contract.registry.DeviceRecord;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.XAddParams;

/**
 * The device registry in Redis: one hash per device, a set of all ids and a stream of changes
 * ({@link LiveKeys#deviceChanges()}) that the pipeline follows. Blocking.
 */
public final class DeviceRegistry implements AutoCloseable {
  private final RedisClient redis;

  public DeviceRegistry(RedisClient redis) {
    this.redis = redis;
  }

  public static DeviceRegistry connect(String host, int port, String password) {
    var config = DefaultJedisClientConfig.builder().timeoutMillis(5_000);
    if (password != null && !password.isEmpty()) {
      config.password(password);
    }
    return new DeviceRegistry(
        RedisClient.builder().hostAndPort(host, port).clientConfig(config.build()).build());
  }

  /** The board on which unregistered trackers' emergencies are shown to a region's control room. */
  public UnregisteredEmergencyBoard unregisteredEmergencies(String region) {
    return new UnregisteredEmergencyBoard(redis, region);
  }

  public void put(DeviceRecord record) {
    try (AbstractTransaction tx = redis.multi()) {
      tx.del(LiveKeys.device(record.id()));
      tx.hset(LiveKeys.device(record.id()), record.toHash());
      tx.sadd(LiveKeys.devices(), record.id());
      // In the same transaction: a pipeline that cached this device hears of the change.
      tx.xadd(
          LiveKeys.deviceChanges(),
          XAddParams.xAddParams().maxLen(LiveKeys.DEVICE_CHANGES_KEPT).approximateTrimming(),
          Map.of(LiveKeys.DEVICE_CHANGE_FIELD, record.id()));
      tx.exec();
    }
  }

  public Optional<DeviceRecord> find(String id) {
    Map<String, String> h = redis.hgetAll(LiveKeys.device(id));
    return h == null || h.isEmpty() ? Optional.empty() : Optional.of(DeviceRecord.fromHash(id, h));
  }

  /**
   * Binds an AIS-140 tracker's IMEI to a device; refuses an IMEI bound to another device. Returns
   * false if it was already bound to this one.
   */
  public boolean bindImei(String deviceId, String imei) {
    long added = redis.hsetnx(LiveKeys.ais140Imeis(), imei, deviceId);
    if (added == 0) {
      String owner = redis.hget(LiveKeys.ais140Imeis(), imei);
      if (!deviceId.equals(owner)) {
        throw new IllegalArgumentException("IMEI " + imei + " is bound to " + owner);
      }
      return false;
    }
    return true;
  }

  /** The device an IMEI is bound to, if any. */
  /** Sets (or, with null, removes) the number a panic device's owner asked to be called back on. */
  public void setCallBack(String deviceId, String phone) {
    if (phone == null) {
      redis.hdel(LiveKeys.device(deviceId), DeviceRecord.CALL_BACK_FIELD);
    } else {
      redis.hset(LiveKeys.device(deviceId), DeviceRecord.CALL_BACK_FIELD, phone);
    }
  }

  public Optional<DeviceRecord> findByImei(String imei) {
    String id = redis.hget(LiveKeys.ais140Imeis(), imei);
    return id == null ? Optional.empty() : find(id);
  }

  public List<DeviceRecord> all() {
    List<DeviceRecord> all = new ArrayList<>();
    for (String id : redis.smembers(LiveKeys.devices()).stream().sorted().toList()) {
      find(id).ifPresent(all::add);
    }
    return all;
  }

  @Override
  public void close() {
    redis.close();
  }
}
