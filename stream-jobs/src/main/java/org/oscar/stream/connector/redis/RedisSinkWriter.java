package org.oscar.stream.connector.redis;

import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

final class RedisSinkWriter<T> implements SinkWriter<T> {
  private static final Logger LOG = LoggerFactory.getLogger(RedisSinkWriter.class);
  private static final long MAX_BACKOFF_MS = 2_000;

  private final RedisClient client;
  private final RedisWriteOp<T> op;
  private final int maxAttempts;
  private final Counter written;
  private final Counter dropped;

  RedisSinkWriter(
      RedisEndpoint endpoint, RedisWriteOp<T> op, int maxAttempts, SinkWriterMetricGroup metrics) {
    this.client = endpoint.connect();
    this.op = op;
    this.maxAttempts = maxAttempts;
    this.written = metrics.getNumRecordsSendCounter();
    this.dropped = metrics.counter("redisWritesDropped");
  }

  @Override
  public void write(T element, Context context) throws InterruptedException {
    long backoff = 50;
    for (int attempt = 1; ; attempt++) {
      try (AbstractPipeline p = client.pipelined()) {
        op.write(element, p);
        p.sync();
        written.inc();
        return;
      } catch (JedisException e) {
        if (maxAttempts > 0 && attempt >= maxAttempts) {
          dropped.inc();
          LOG.warn("Redis write dropped after {} attempts: {}", attempt, e.getMessage());
          return;
        }
        LOG.warn("Redis write failed ({}), retrying in {} ms", e.getMessage(), backoff);
        Thread.sleep(backoff);
        backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
      }
    }
  }

  @Override
  public void flush(boolean endOfInput) {
    // Each write is synced before write() returns.
  }

  @Override
  public void close() {
    client.close();
  }
}
