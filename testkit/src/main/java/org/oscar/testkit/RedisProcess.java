package org.oscar.testkit;

import java.util.List;

/** A private Redis server on a loopback port with no persistence. */
public final class RedisProcess extends ServerProcess {
  public RedisProcess() {
    super("redis");
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
        "no",
        "--dir",
        dir.toString());
  }
}
