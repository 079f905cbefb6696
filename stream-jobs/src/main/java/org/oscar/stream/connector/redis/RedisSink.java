package org.oscar.stream.connector.redis;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Writes elements to Redis live state (Sink V2), each as one pipelined round trip of idempotent
 * commands. {@code maxAttempts} bounds the retries when Redis is unreachable: for unit positions a
 * small number (a newer position supersedes a lost one, and dispatch must not wait on a map); 0 for
 * incidents, which are retried until Redis takes them.
 */
public final class RedisSink<T> implements Sink<T> {
  private final RedisEndpoint endpoint;
  private final RedisWriteOp<T> op;
  private final int maxAttempts;

  public RedisSink(RedisEndpoint endpoint, RedisWriteOp<T> op, int maxAttempts) {
    this.endpoint = endpoint;
    this.op = op;
    this.maxAttempts = maxAttempts;
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    return new RedisSinkWriter<>(endpoint, op, maxAttempts, context.metricGroup());
  }
}
