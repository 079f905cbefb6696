package org.oscar.stream.connector.redis;

import org.apache.flink.metrics.MetricGroup;
import org.oscar.stream.connector.delivery.AsyncDeliverySink;
import org.oscar.stream.connector.delivery.Deliverer;
import org.oscar.stream.connector.delivery.JsonStateSerializer;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;

/**
 * Live state into Redis without ever making dispatch wait for it: an {@link AsyncDeliverySink}
 * whose deliveries are one pipelined round trip of idempotent commands ({@link RedisWriteOp}).
 * While Redis is down the latest value per key waits (and is checkpointed) and is written when it
 * is back.
 */
public final class RedisSink {
  private static final int MAX_PENDING = 100_000;

  private RedisSink() {}

  public static <T> AsyncDeliverySink<T> of(
      String name,
      RedisEndpoint endpoint,
      RedisWriteOp<T> op,
      AsyncDeliverySink.KeyOf<T> keyOf,
      Class<T> type) {
    return new AsyncDeliverySink<>(
        name,
        (MetricGroup metrics) -> new RedisDeliverer<>(endpoint.connect(), op),
        keyOf,
        new JsonStateSerializer<>(type),
        MAX_PENDING);
  }

  private record RedisDeliverer<T>(RedisClient client, RedisWriteOp<T> op) implements Deliverer<T> {
    @Override
    public void deliver(T element) {
      try (AbstractPipeline p = client.pipelined()) {
        op.write(element, p);
        p.sync();
      }
    }

    @Override
    public void close() {
      client.close();
    }
  }
}
