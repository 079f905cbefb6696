package org.oscar.stream.connector.redis;

import java.io.Serializable;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;

/** Where live state is kept. The password is never logged. */
public record RedisEndpoint(String host, int port, String password) implements Serializable {

  public RedisClient connect() {
    var config = DefaultJedisClientConfig.builder().timeoutMillis(5_000);
    if (password != null && !password.isEmpty()) {
      config.password(password);
    }
    return RedisClient.builder().hostAndPort(host, port).clientConfig(config.build()).build();
  }

  @Override
  public String toString() {
    return "RedisEndpoint[" + host + ":" + port + "]";
  }
}
