package org.oscar.gateway.ais140;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.oscar.contract.mqtt.MqttPublisher;
import org.oscar.gateway.registry.DeviceRegistry;
import org.oscar.gateway.registry.RegistryOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code oscar ais140}: the TCP adapter for AIS-140 trackers. Its broker password comes from a file
 * or the environment ({@code OSCAR_AIS140_MQTT_PASSWORD}), never from the command line.
 */
@Command(
    name = "oscar ais140",
    mixinStandardHelpOptions = true,
    description =
        "Accepts AIS-140 emergency and location frames over TCP from registered trackers and"
            + " republishes them on the OSCAR contract topics.")
public final class Ais140GatewayMain implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(Ais140GatewayMain.class);

  @Option(
      names = "--listen-host",
      defaultValue = "127.0.0.1",
      description =
          "address to listen on (default: ${DEFAULT-VALUE}); in production the trackers' private APN")
  String listenHost;

  @Option(
      names = "--port",
      defaultValue = "${env:OSCAR_AIS140_PORT:-5140}",
      description = "TCP port for trackers (default: ${DEFAULT-VALUE})")
  int port;

  @Option(
      names = "--metrics-port",
      defaultValue = "${env:OSCAR_AIS140_METRICS_PORT:-9464}",
      description = "Prometheus /metrics port, on the listen host (default: ${DEFAULT-VALUE})")
  int metricsPort;

  @Option(
      names = "--broker",
      defaultValue = "${env:OSCAR_MQTT_URL:-tcp://127.0.0.1:1883}",
      description = "MQTT broker URL (default: ${DEFAULT-VALUE})")
  String broker;

  @Option(
      names = "--mqtt-user",
      defaultValue = "oscar-ais140",
      description = "the adapter's broker user (default: ${DEFAULT-VALUE})")
  String mqttUser;

  @Option(
      names = "--mqtt-password-file",
      description = "file holding the broker password (else OSCAR_AIS140_MQTT_PASSWORD)")
  Path mqttPasswordFile;

  @Mixin RegistryOptions registryOptions;

  @Option(
      names = "--unregistered-region",
      defaultValue = "${env:OSCAR_AIS140_UNREGISTERED_REGION:-}",
      description =
          "dispatch region whose control room is shown emergencies from trackers no device is"
              + " bound to (empty: only counted; default: ${DEFAULT-VALUE})")
  String unregisteredRegion;

  @Option(
      names = "--workers",
      defaultValue = "4",
      description = "threads for registry lookups and publishing (default: ${DEFAULT-VALUE})")
  int workers;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Ais140GatewayMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (port < 1 || port > 65535 || metricsPort < 0 || metricsPort > 65535 || workers < 1) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "ports must be 1-65535 and --workers at least 1");
    }
    String password = password();
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (DeviceRegistry registry = registryOptions.connect();
        MqttPublisher mqtt = new MqttPublisher(broker, "oscar-ais140-" + port, mqttUser, password);
        Ais140Server server =
            new Ais140Server(
                registry::findByImei,
                unregisteredRegion.isEmpty()
                    ? UnregisteredEmergencies.NONE
                    : registry.unregisteredEmergencies(unregisteredRegion),
                ContractPublisher.over(mqtt),
                meters,
                workers)) {
      if (unregisteredRegion.isEmpty()) {
        LOG.warn(
            "no --unregistered-region: emergencies from unregistered trackers are only counted");
      }
      int tcp = server.start(listenHost, port);
      int http = server.startMetrics(listenHost, metricsPort);
      LOG.info(
          "AIS-140 adapter listening on {}:{}, metrics on http://{}:{}/metrics",
          listenHost,
          tcp,
          listenHost,
          http);
      CountDownLatch stop = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
      stop.await();
    }
    return 0;
  }

  private String password() throws Exception {
    if (mqttPasswordFile != null) {
      return Files.readString(mqttPasswordFile).strip();
    }
    String env = System.getenv("OSCAR_AIS140_MQTT_PASSWORD");
    if (env == null || env.isEmpty()) {
      throw new IllegalArgumentException(
          "give --mqtt-password-file or set OSCAR_AIS140_MQTT_PASSWORD");
    }
    return env;
  }
}
