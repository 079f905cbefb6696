package org.oscar.alert.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oscar.alert.TestIncidents;
import org.oscar.alert.store.RedisAlertStore;
import org.oscar.contract.codec.Json;
import org.oscar.contract.live.IncidentView;
import org.oscar.contract.live.LiveKeys;
import org.oscar.contract.live.TimelineEntry;
import org.oscar.testkit.RedisProcess;
import redis.clients.jedis.RedisClient;

/** Survivors' positions leave live state once a closed case is past its retention; nothing else. */
class PositionPurgeIT {
  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final long NOW = 100 * DAY;
  private static RedisProcess redis;
  private static RedisClient redisClient;
  private static RedisAlertStore store;

  @BeforeAll
  static void start() {
    redis = new RedisProcess();
    redis.start();
    redisClient = RedisClient.create(redis.host(), redis.port());
    store = new RedisAlertStore(redis.host(), redis.port(), null);
  }

  @AfterAll
  static void stop() {
    store.close();
    redisClient.close();
    redis.close();
  }

  @Test
  void purgesThePositionOfCasesClosedLongerAgoThanTheRetentionOnly() {
    put(ended("INC-OLD-1", "CLOSED", NOW - 31 * DAY));
    put(ended("INC-OLD-2", "CANCELLED", NOW - 40 * DAY));
    put(ended("INC-RECENT-1", "CLOSED", NOW - 2 * DAY));
    put(ended("INC-OPEN-1", "OPEN", NOW - 90 * DAY));
    redisClient.rpush(LiveKeys.notifications("INC-OLD-1"), "{}");
    Retention thirtyDays = new Retention(Duration.ofDays(30));

    int purged = store.purgePositions(v -> thirtyDays.due(v, NOW), NOW);
    int again = store.purgePositions(v -> thirtyDays.due(v, NOW), NOW);

    assertThat(purged).isEqualTo(2);
    assertThat(again).isZero();
    JsonObject old = stored("INC-OLD-1");
    assertThat(old.getDouble("lat")).isZero();
    assertThat(old.getDouble("lon")).isZero();
    assertThat(old.getLong("purgedAt")).isEqualTo(NOW);
    // Still a case the API can read and show.
    assertThat(Json.fromString(old.encode(), IncidentView.class).state()).isEqualTo("CLOSED");
    assertThat(old.getJsonArray("timeline")).isNotEmpty(); // the record of the case stays
    assertThat(stored("INC-RECENT-1").getDouble("lat")).isEqualTo(20.265367);
    assertThat(stored("INC-OPEN-1").getDouble("lat")).isEqualTo(20.265367);
  }

  private static IncidentView ended(String id, String state, long at) {
    IncidentView v = TestIncidents.open(id, "Capital Police Station");
    return new IncidentView(
        id,
        v.region(),
        v.district(),
        v.deviceId(),
        state,
        v.lat(),
        v.lon(),
        false,
        false,
        v.jurisdiction(),
        null,
        null,
        at - DAY,
        List.of(),
        List.of(
            new TimelineEntry(at - DAY, "OPENED", "device:SURV-1", "panic press"),
            new TimelineEntry(at, state, "system", "done")),
        false,
        List.of(),
        null);
  }

  private static void put(IncidentView v) {
    redisClient.set(LiveKeys.incident(v.incidentId()), Json.toString(v));
  }

  private static JsonObject stored(String id) {
    return new JsonObject(redisClient.get(LiveKeys.incident(id)));
  }
}
