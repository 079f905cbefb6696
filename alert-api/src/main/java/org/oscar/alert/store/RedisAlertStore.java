package org.oscar.alert.store;

import java.util.List;
import java.util.Optional;
import org.oscar.contract.alert.NotificationRecord;
import org.oscar.contract.codec.Json;
import org.oscar.contract.live.LiveKeys;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * Notifications in Redis. The (incident, role, level) marker is set with SET NX before the record
 * is appended, so however often an event is resent, one notification is recorded.
 */
public final class RedisAlertStore implements AlertStore {
  private final RedisClient redis;

  public RedisAlertStore(String host, int port, String password) {
    var config = DefaultJedisClientConfig.builder().timeoutMillis(5_000);
    if (password != null && !password.isEmpty()) {
      config.password(password);
    }
    this.redis = RedisClient.builder().hostAndPort(host, port).clientConfig(config.build()).build();
  }

  @Override
  public Optional<String> incidentJson(String incidentId) {
    return Optional.ofNullable(redis.get(LiveKeys.incident(incidentId)));
  }

  @Override
  public boolean recordOnce(NotificationRecord r) {
    String marker = LiveKeys.notificationKey(r.incidentId(), r.role(), r.level());
    String set = redis.set(marker, r.officialId(), SetParams.setParams().nx());
    if (!"OK".equals(set)) {
      return false;
    }
    redis.rpush(LiveKeys.notifications(r.incidentId()), Json.toString(r));
    return true;
  }

  @Override
  public List<NotificationRecord> notifications(String incidentId) {
    return redis.lrange(LiveKeys.notifications(incidentId), 0, -1).stream()
        .map(s -> Json.fromString(s, NotificationRecord.class))
        .toList();
  }

  @Override
  public void close() {
    redis.close();
  }
}
