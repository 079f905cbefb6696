package org.oscar.stream.job;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.oscar.contract.scenario.Scenario;
import org.oscar.stream.connector.alert.AlertApiEndpoint;
import org.oscar.stream.connector.alert.AlertApiSink;
import org.oscar.stream.connector.cases.CaseIntakeSink;
import org.oscar.stream.connector.mqtt.MqttConnection;
import org.oscar.stream.connector.mqtt.sink.MqttSink;
import org.oscar.stream.connector.mqtt.source.MqttSource;
import org.oscar.stream.connector.redis.RedisEndpoint;
import org.oscar.stream.directory.DeviceDirectory;
import org.oscar.stream.directory.DirectorySource;
import org.oscar.stream.directory.RegistryDirectory;
import org.oscar.stream.dispatch.eta.StraightLineTravelTime;
import org.oscar.stream.live.LiveStateWrites;
import org.oscar.stream.region.RegionDirectory;
import org.oscar.stream.validate.ValidationPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the OSCAR job with the real connectors. Started with plain {@code java}, Flink runs it in an
 * embedded MiniCluster; submitted to a cluster, it runs there unchanged.
 */
public final class OscarJobMain {
  private static final Logger LOG = LoggerFactory.getLogger(OscarJobMain.class);

  private OscarJobMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && ("--help".equals(args[0]) || "-h".equals(args[0]))) {
      System.out.print(JobConfig.describe());
      return;
    }
    JobConfig config;
    try {
      config = JobConfig.fromEnvironment();
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    LOG.info("starting OSCAR stream job with {}", config);
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.getExecutionEnvironment(flinkConfiguration(config));
    env.enableCheckpointing(config.checkpointInterval().toMillis());
    wire(config).build(env);
    env.execute("oscar-dispatch");
  }

  /**
   * What the job asks of an embedded MiniCluster: Flink's Prometheus reporter, so the rejection
   * counters and the operators' metrics can be scraped. A cluster ignores this and uses its own
   * configuration.
   */
  static Configuration flinkConfiguration(JobConfig config) {
    Configuration conf =
        config.metricsPort() == 0
            ? new Configuration()
            : Configuration.fromMap(prometheusReporter(config.metricsPort()));
    if (!config.checkpointDir().isEmpty()) {
      Path dir = Path.of(config.checkpointDir()).toAbsolutePath();
      conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.toUri().toString());
      // Kept when the process dies or the job is cancelled, so the next start resumes from it.
      conf.set(
          CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
          ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
      conf.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, 3);
      CheckpointResume.latest(dir)
          .ifPresentOrElse(
              chk -> {
                LOG.info("resuming from checkpoint {}", chk);
                conf.set(StateRecoveryOptions.SAVEPOINT_PATH, chk.toUri().toString());
                CheckpointResume.pruneOtherRuns(dir, chk);
              },
              () -> LOG.info("no checkpoint in {}: starting afresh", dir));
    }
    return conf;
  }

  /** Flink configuration entries that expose every metric on {@code :port/metrics}. */
  public static Map<String, String> prometheusReporter(int port) {
    return Map.of(
        "metrics.reporter.prom.factory.class",
        "org.apache.flink.metrics.prometheus.PrometheusReporterFactory",
        "metrics.reporter.prom.port",
        Integer.toString(port));
  }

  public static OscarJob wire(JobConfig config) {
    MqttConnection mqtt =
        new MqttConnection(config.mqttUrl(), config.mqttUser(), config.mqttPassword());
    RedisEndpoint redis =
        new RedisEndpoint(config.redisHost(), config.redisPort(), config.redisPassword());
    return new OscarJob(
        new MqttSource(
            mqtt,
            config.uplinkBrokers(),
            config.mqttReaders(),
            config.mqttClientId(),
            UplinkLanes.ORDERED,
            UplinkLanes.SHARED),
        new MqttSink(mqtt, config.mqttClientId() + "-out"),
        LiveStateWrites.unitSink(redis),
        LiveStateWrites.incidentSink(redis),
        AlertApiSink.of(new AlertApiEndpoint(config.alertApiUrl(), config.alertApiToken()), redis),
        config.caseIntake()
            ? CaseIntakeSink.of(new AlertApiEndpoint(config.alertApiUrl(), config.alertApiToken()))
            : new DiscardingSink<>(),
        directory(config, redis),
        ValidationPolicy.defaults(),
        new RegionDirectory(config.regionsDir()),
        config.regionsReload().toMillis(),
        StraightLineTravelTime.defaults());
  }

  /** How long an id the registry did not have is refused without asking it again. */
  static final Duration REGISTRY_MISS_TTL = Duration.ofSeconds(2);

  /**
   * Registry reads for ids not cached, per validation instance: far above the rate at which real
   * devices are provisioned, far below what a flood of made-up ids would ask of Redis.
   */
  static final double REGISTRY_READS_PER_SECOND_PER_INSTANCE = 500;

  static DirectorySource directory(JobConfig config, RedisEndpoint redis) {
    if (JobConfig.DIRECTORY_REGISTRY.equals(config.deviceDirectory())) {
      LOG.info("device directory: the registry in Redis, read through, following its change feed");
      return RegistryDirectory.source(
          redis, REGISTRY_MISS_TTL, REGISTRY_READS_PER_SECOND_PER_INSTANCE);
    }
    Scenario scenario = Scenario.load(config.scenario());
    DeviceDirectory directory = DeviceDirectory.of(scenario);
    LOG.info("device directory: {} devices of scenario {}", directory.size(), config.scenario());
    return DirectorySource.fixed(directory);
  }
}
