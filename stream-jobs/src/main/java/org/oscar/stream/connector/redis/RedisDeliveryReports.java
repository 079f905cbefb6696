package org.oscar.stream.connector.redis;

import org.oscar.contract.codec.Json;
import org.oscar.contract.live.DeadLetter;
import org.oscar.contract.live.LiveKeys;
import org.oscar.stream.connector.delivery.BacklogReporter;
import org.oscar.stream.connector.delivery.DeadLetters;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.RedisClient;

/**
 * A sink's backlog and dead letters in Redis, where the alert API shows them to the control room. A
 * backlog report expires after {@link #REPORT_TTL_S} seconds, so an instance that stopped (or a job
 * that is gone) stops counting; its absence is not taken as "nothing waiting" by the API, which
 * also says when it last heard from the job.
 */
public final class RedisDeliveryReports {
  static final long REPORT_TTL_S = 15;

  private RedisDeliveryReports() {}

  public static BacklogReporter.Factory backlog(RedisEndpoint endpoint) {
    return () -> {
      RedisClient redis = endpoint.connect();
      return new BacklogReporter() {
        @Override
        public void report(org.oscar.contract.live.DeliveryBacklog b) {
          String key = LiveKeys.deliveryBacklog(b.sink());
          try (AbstractTransaction tx = redis.multi()) {
            tx.hset(key, Integer.toString(b.instance()), Json.toString(b));
            tx.expire(key, REPORT_TTL_S);
            tx.exec();
          }
        }

        @Override
        public void close() {
          redis.close();
        }
      };
    };
  }

  public static DeadLetters.Factory deadLetters(RedisEndpoint endpoint, String sink) {
    return () -> {
      RedisClient redis = endpoint.connect();
      return new DeadLetters() {
        @Override
        public void put(String id, int status, String answer, String body) {
          redis.hset(
              LiveKeys.deadLetters(sink),
              id,
              Json.toString(new DeadLetter(id, status, answer, System.currentTimeMillis(), body)));
        }

        @Override
        public void close() {
          redis.close();
        }
      };
    };
  }
}
