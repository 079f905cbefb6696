package org.oscar.stream.connector.redis;

import java.io.Serializable;
import redis.clients.jedis.AbstractPipeline;

/**
 * How one element becomes Redis commands. Must be idempotent (SET/HSET/SADD of the element's own
 * values), so that writing an element twice after a replay leaves the same state as once.
 */
@FunctionalInterface
public interface RedisWriteOp<T> extends Serializable {
  void write(T element, AbstractPipeline pipeline);
}
