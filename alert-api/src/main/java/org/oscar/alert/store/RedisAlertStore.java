package org.oscar.alert.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.oscar.alert.notify.delivery.Delivery;
import org.oscar.contract.alert.DeliveryReceipt;
import org.oscar.contract.alert.NotificationRecord;
import org.oscar.contract.codec.Json;
import org.oscar.contract.live.IncidentView;
import org.oscar.contract.live.LiveKeys;
import org.oscar.contract.registry.DeviceRecord;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Notifications and their outbox in Redis. Recording a notification is one Lua script: the
 * (incident, role, level) marker is set with SET NX and, only if that succeeded, the record is
 * appended and its deliveries queued — so however often an event is resent, and wherever the
 * process dies, an official's notification is either recorded with its deliveries queued or not at
 * all. Claiming due deliveries is one script too, so two API instances never take the same one.
 */
public final class RedisAlertStore implements AlertStore {
  // KEYS: marker, notifications list, due set, receipts list, then one key per delivery.
  // ARGV: official id, record JSON, now, then per delivery its id and JSON, then receipt JSONs.
  private static final String RECORD_ONCE =
      """
      if not redis.call('SET', KEYS[1], ARGV[1], 'NX') then return 0 end
      redis.call('RPUSH', KEYS[2], ARGV[2])
      local n = #KEYS - 4
      for i = 1, n do
        redis.call('SET', KEYS[4 + i], ARGV[3 + 2 * i])
        redis.call('ZADD', KEYS[3], ARGV[3], ARGV[2 + 2 * i])
      end
      for j = 4 + 2 * n, #ARGV do
        redis.call('RPUSH', KEYS[4], ARGV[j])
      end
      return 1
      """;

  // KEYS: due set. ARGV: now, lease end, max.
  private static final String CLAIM_DUE =
      """
      local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[3])
      for _, id in ipairs(ids) do redis.call('ZADD', KEYS[1], ARGV[2], id) end
      return ids
      """;

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
  public Optional<String> callBackOf(String deviceId) {
    return Optional.ofNullable(redis.hget(LiveKeys.device(deviceId), DeviceRecord.CALL_BACK_FIELD));
  }

  @Override
  public List<String> unregisteredEmergencyJsons(String region) {
    // An IMEI whose key expired is no longer shown (the set outlives it by up to an hour).
    return documentsOf(
        LiveKeys.unregisteredEmergencies(region),
        imei -> LiveKeys.unregisteredEmergency(region, imei));
  }

  /** The documents of a set's members, in member order; members whose key is gone are left out. */
  private List<String> documentsOf(String setKey, UnaryOperator<String> keyOf) {
    String[] keys = redis.smembers(setKey).stream().sorted().map(keyOf).toArray(String[]::new);
    return keys.length == 0
        ? List.of()
        : redis.mget(keys).stream().filter(Objects::nonNull).toList();
  }

  @Override
  public Optional<String> unregisteredEmergencyJson(String region, String imei) {
    return Optional.ofNullable(redis.get(LiveKeys.unregisteredEmergency(region, imei)));
  }

  @Override
  public List<String> openIncidentJsons(String region) {
    return documentsOf(LiveKeys.openIncidents(region), LiveKeys::incident);
  }

  @Override
  public List<Map<String, String>> units(String region) {
    List<Map<String, String>> units = new ArrayList<>();
    for (String id : redis.smembers(LiveKeys.regionUnits(region)).stream().sorted().toList()) {
      unit(id).ifPresent(units::add);
    }
    return units;
  }

  @Override
  public Optional<org.oscar.contract.registry.DeviceRecord> device(String deviceId) {
    Map<String, String> h = redis.hgetAll(LiveKeys.device(deviceId));
    return h == null || h.isEmpty()
        ? Optional.empty()
        : Optional.of(org.oscar.contract.registry.DeviceRecord.fromHash(deviceId, h));
  }

  @Override
  public Optional<Map<String, String>> unit(String unitId) {
    Map<String, String> h = redis.hgetAll(LiveKeys.unit(unitId));
    if (h == null || h.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> unit = new java.util.HashMap<>(h);
    unit.put("id", unitId);
    return Optional.of(unit);
  }

  @Override
  public boolean recordOnce(
      NotificationRecord r, List<Delivery> deliveries, List<DeliveryReceipt> receipts) {
    List<String> keys = new ArrayList<>();
    keys.add(LiveKeys.notificationKey(r.incidentId(), r.role(), r.level()));
    keys.add(LiveKeys.notifications(r.incidentId()));
    keys.add(LiveKeys.deliveriesDue());
    keys.add(LiveKeys.deliveryReceipts(r.incidentId()));
    List<String> args = new ArrayList<>();
    args.add(r.officialId());
    args.add(Json.toString(r));
    args.add(Long.toString(r.recordedAt()));
    for (Delivery d : deliveries) {
      keys.add(LiveKeys.delivery(d.deliveryId()));
      args.add(d.deliveryId());
      args.add(Json.toString(d));
    }
    for (DeliveryReceipt receipt : receipts) {
      args.add(Json.toString(receipt));
    }
    return Objects.equals(redis.eval(RECORD_ONCE, keys, args), 1L);
  }

  @Override
  public List<NotificationRecord> notifications(String incidentId) {
    return redis.lrange(LiveKeys.notifications(incidentId), 0, -1).stream()
        .map(s -> Json.fromString(s, NotificationRecord.class))
        .toList();
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Delivery> claimDue(long now, long leaseUntil, int max) {
    List<String> ids =
        (List<String>)
            redis.eval(
                CLAIM_DUE,
                List.of(LiveKeys.deliveriesDue()),
                List.of(Long.toString(now), Long.toString(leaseUntil), Integer.toString(max)));
    List<Delivery> claimed = new ArrayList<>();
    for (String id : ids) {
      // A delivery whose JSON is gone (purged) leaves its id behind: drop the id.
      delivery(id).ifPresentOrElse(claimed::add, () -> redis.zrem(LiveKeys.deliveriesDue(), id));
    }
    return claimed;
  }

  @Override
  public void settle(Delivery delivery, DeliveryReceipt receipt, Long nextAttemptAt) {
    try (AbstractTransaction tx = redis.multi()) {
      tx.set(LiveKeys.delivery(delivery.deliveryId()), Json.toString(delivery));
      tx.rpush(LiveKeys.deliveryReceipts(delivery.incidentId()), Json.toString(receipt));
      if (nextAttemptAt == null) {
        tx.zrem(LiveKeys.deliveriesDue(), delivery.deliveryId());
      } else {
        tx.zadd(LiveKeys.deliveriesDue(), nextAttemptAt, delivery.deliveryId());
      }
      tx.exec();
    }
  }

  @Override
  public Optional<Delivery> delivery(String deliveryId) {
    String json = redis.get(LiveKeys.delivery(deliveryId));
    return json == null ? Optional.empty() : Optional.of(Json.fromString(json, Delivery.class));
  }

  @Override
  public void addReceipt(DeliveryReceipt receipt) {
    redis.rpush(LiveKeys.deliveryReceipts(receipt.incidentId()), Json.toString(receipt));
  }

  @Override
  public List<DeliveryReceipt> receipts(String incidentId) {
    return ReceiptOrder.inLifecycleOrder(
        redis.lrange(LiveKeys.deliveryReceipts(incidentId), 0, -1).stream()
            .map(s -> Json.fromString(s, DeliveryReceipt.class))
            .toList());
  }

  @Override
  public int purgePositions(java.util.function.Predicate<IncidentView> due, long now) {
    int purged = 0;
    String cursor = ScanParams.SCAN_POINTER_START;
    ScanParams match = new ScanParams().match(LiveKeys.incident("INC-*")).count(500);
    do {
      ScanResult<String> page = redis.scan(cursor, match);
      for (String key : page.getResult()) {
        if (LiveKeys.incidentIdOf(key).isEmpty()) {
          continue; // an incident's notifications, deliveries or audit, not the incident
        }
        String json = redis.get(key);
        if (json == null || json.contains("\"purgedAt\"")) {
          continue;
        }
        if (due.test(Json.fromString(json, IncidentView.class))) {
          ObjectNode node = Json.fromString(json, ObjectNode.class);
          // Zeros, not nulls: the case must stay readable as an IncidentView (primitive fields);
          // purgedAt says the zeros are not a place.
          node.put("lat", 0.0);
          node.put("lon", 0.0);
          node.put("purgedAt", now);
          redis.set(key, node.toString());
          purged++;
        }
      }
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    return purged;
  }

  @Override
  public Map<String, Long> openIncidentCounts() {
    Map<String, Long> counts = new java.util.TreeMap<>();
    String prefix = LiveKeys.PREFIX + "region:";
    String suffix = ":incidents:open";
    String cursor = ScanParams.SCAN_POINTER_START;
    ScanParams match = new ScanParams().match(prefix + "*" + suffix).count(500);
    do {
      ScanResult<String> page = redis.scan(cursor, match);
      for (String key : page.getResult()) {
        counts.put(
            key.substring(prefix.length(), key.length() - suffix.length()), redis.scard(key));
      }
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    return counts;
  }

  @Override
  public void audit(AuditEntry entry) {
    String json = Json.toString(entry);
    try (AbstractTransaction tx = redis.multi()) {
      tx.rpush(LiveKeys.PREFIX + "audit", json);
      if (entry.incidentId() != null) {
        tx.rpush(LiveKeys.PREFIX + "incident:" + entry.incidentId() + ":audit", json);
      }
      tx.exec();
    }
  }

  @Override
  public List<AuditEntry> audit(String incidentId) {
    return redis.lrange(LiveKeys.PREFIX + "incident:" + incidentId + ":audit", 0, -1).stream()
        .map(s -> Json.fromString(s, AuditEntry.class))
        .toList();
  }

  @Override
  public List<String> deliveryBacklogJsons(String sink) {
    return redis.hvals(LiveKeys.deliveryBacklog(sink));
  }

  @Override
  public Map<String, String> deadLetterJsons(String sink) {
    return redis.hgetAll(LiveKeys.deadLetters(sink));
  }

  @Override
  public long deadLetterCount(String sink) {
    return redis.hlen(LiveKeys.deadLetters(sink));
  }

  @Override
  public boolean removeDeadLetter(String sink, String id) {
    return redis.hdel(LiveKeys.deadLetters(sink), id) > 0;
  }

  @Override
  public void close() {
    redis.close();
  }
}
