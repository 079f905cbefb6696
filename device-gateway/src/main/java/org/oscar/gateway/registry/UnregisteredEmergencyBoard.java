package org.oscar.gateway.registry;

import java.util.concurrent.TimeUnit;
import org.oscar.contract.codec.Json;
import org.oscar.contract.live.LiveKeys;
import org.oscar.contract.live.UnregisteredEmergencyView;
import org.oscar.gateway.ais140.UnregisteredEmergencies;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * Unregistered trackers' emergencies in live state, for one region's control room: one key per IMEI
 * that expires an hour after its last frame, a set of the IMEIs shown, and an announcement on the
 * region's live channel so open pages hear it at once. The adapter is the only writer of a region's
 * board; a lost update between two frames of one IMEI costs a frame count, never the alarm.
 */
public final class UnregisteredEmergencyBoard implements UnregisteredEmergencies {
  static final long TTL_S = TimeUnit.HOURS.toSeconds(1);
  private final RedisClient redis;
  private final String region;

  UnregisteredEmergencyBoard(RedisClient redis, String region) {
    this.redis = redis;
    this.region = region;
  }

  @Override
  public boolean show(String imei, Double lat, Double lon, long at) {
    String key = LiveKeys.unregisteredEmergency(region, imei);
    String old = redis.get(key);
    UnregisteredEmergencyView view =
        old == null
            ? new UnregisteredEmergencyView(imei, region, at, at, 1, lat, lon)
            : Json.fromString(old, UnregisteredEmergencyView.class).again(at, lat, lon);
    try (AbstractTransaction tx = redis.multi()) {
      tx.set(key, Json.toString(view), SetParams.setParams().ex(TTL_S));
      tx.sadd(LiveKeys.unregisteredEmergencies(region), imei);
      tx.expire(LiveKeys.unregisteredEmergencies(region), TTL_S);
      tx.publish(LiveKeys.liveChannel(region), "unregistered:" + imei);
      tx.exec();
    }
    return true;
  }
}
