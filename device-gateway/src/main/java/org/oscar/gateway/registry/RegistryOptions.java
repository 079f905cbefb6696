package org.oscar.gateway.registry;

import picocli.CommandLine.Option;

/**
 * Where the registry's Redis is, as command-line options shared by the gateway's commands; its
 * password comes only from {@code OSCAR_REDIS_PASSWORD}.
 */
public final class RegistryOptions {
  @Option(
      names = "--redis-host",
      defaultValue = "${env:OSCAR_REDIS_HOST:-127.0.0.1}",
      description = "registry Redis host (default: ${DEFAULT-VALUE})")
  String host;

  @Option(
      names = "--redis-port",
      defaultValue = "${env:OSCAR_REDIS_PORT:-6379}",
      description = "registry Redis port (default: ${DEFAULT-VALUE})")
  int port;

  public DeviceRegistry connect() {
    return DeviceRegistry.connect(host, port, System.getenv("OSCAR_REDIS_PASSWORD"));
  }
}
