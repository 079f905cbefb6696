package org.oscar.stream.live;

import java.util.Map;
import org.oscar.contract.live.LiveKeys;
import org.oscar.stream.connector.delivery.AsyncDeliverySink;
import org.oscar.stream.connector.redis.RedisEndpoint;
import org.oscar.stream.connector.redis.RedisSink;
import org.oscar.stream.connector.redis.RedisWriteOp;
import org.oscar.stream.event.DeviceEvent;
import org.oscar.stream.event.EventKind;
import org.oscar.stream.event.IncidentChange;

/**
 * The live state control rooms read, in Redis (layout in {@link LiveKeys}). Every write is a
 * SET/HSET/SADD of the element's own values followed by a PUBLISH announcing it, so a repeated
 * write after a replay changes nothing but a repeated announcement.
 */
public final class LiveStateWrites {
  private LiveStateWrites() {}

  /** Unit positions, statuses and presence: the latest of each kind per device is what counts. */
  public static AsyncDeliverySink<DeviceEvent> unitSink(RedisEndpoint redis) {
    return RedisSink.of(
        "redis-units", redis, UNIT, e -> e.deviceId() + ":" + e.kind(), DeviceEvent.class);
  }

  /** Incidents: the latest view of each incident. */
  public static AsyncDeliverySink<IncidentChange> incidentSink(RedisEndpoint redis) {
    return RedisSink.of(
        "redis-incidents", redis, INCIDENT, IncidentChange::incidentId, IncidentChange.class);
  }

  public static final RedisWriteOp<DeviceEvent> UNIT =
      (e, p) -> {
        String key = LiveKeys.unit(e.deviceId());
        if (e.kind() == EventKind.PRESENCE) {
          p.hset(
              LiveKeys.presence(e.deviceId()),
              Map.of("online", Boolean.toString(e.online()), "at", Long.toString(e.receivedAt())));
          if (e.deviceKind() == org.oscar.contract.wire.DeviceKind.PANIC) {
            p.publish(LiveKeys.liveChannel(e.region()), "presence:" + e.deviceId());
            return;
          }
          p.hset(key, "online", Boolean.toString(e.online()));
        } else if (e.kind() == EventKind.UNIT_POSITION) {
          p.hset(
              key,
              Map.of(
                  "kind", e.deviceKind().name(),
                  "region", e.region(),
                  "lat", Double.toString(e.lat()),
                  "lon", Double.toString(e.lon()),
                  "positionAt", Long.toString(e.receivedAt())));
          // The terminal's own heading, or none: an old one must not outlive the move it was for.
          if (e.headingDeg() != null) {
            p.hset(key, "headingDeg", Long.toString(Math.round(e.headingDeg()) % 360));
          } else {
            p.hdel(key, "headingDeg");
          }
        } else {
          p.hset(
              key,
              Map.of(
                  "kind", e.deviceKind().name(),
                  "region", e.region(),
                  "status", e.status().name(),
                  "statusAt", Long.toString(e.receivedAt())));
        }
        p.sadd(LiveKeys.regionUnits(e.region()), e.deviceId());
        p.publish(LiveKeys.liveChannel(e.region()), "unit:" + e.deviceId());
      };

  public static final RedisWriteOp<IncidentChange> INCIDENT =
      (c, p) -> {
        p.set(LiveKeys.incident(c.incidentId()), c.viewJson());
        if (c.active()) {
          p.sadd(LiveKeys.openIncidents(c.region()), c.incidentId());
        } else {
          p.srem(LiveKeys.openIncidents(c.region()), c.incidentId());
        }
        p.publish(LiveKeys.liveChannel(c.region()), "incident:" + c.incidentId());
      };
}
