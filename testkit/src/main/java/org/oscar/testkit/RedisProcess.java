package org.oscar.testkit;

import java.util.List;

/**
 * A private Redis server on a loopback port: without persistence, or with an append-only file
 * synced on every write, so that a killed and restarted server comes back with its data.
 */
public final class RedisProcess extends ServerProcess {
  private final boolean persistent;

  public RedisProcess() {
    this(false);
  }

  private RedisProcess(boolean persistent) {
    super("redis");
    this.persistent = persistent;
  }

  public static RedisProcess persistent() {
    return new RedisProcess(true);
  }

  public String host() {
    return "127.0.0.1";
  }

  @Override
  protected List<String> command() {
    return List.of(
        binary("oscar.redis.bin", "redis-server"),
        "--port",
        String.valueOf(port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        persistent ? "yes" : "no",
        "--appendfsync",
        "always",
        "--dir",
        dir.toString());
  }
}
