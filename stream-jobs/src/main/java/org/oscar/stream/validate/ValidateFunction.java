package org.oscar.stream.validate;

import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.oscar.contract.codec.Decoded;
import org.oscar.contract.codec.RejectReason;
import org.oscar.stream.directory.DeviceLookup;
import org.oscar.stream.directory.DirectorySource;
import org.oscar.stream.directory.RegistryDirectory;
import org.oscar.stream.event.DeviceEvent;
import org.oscar.stream.event.MqttRecord;
import org.oscar.stream.region.RegionPlacement;
import org.oscar.stream.region.RegionSource;
import org.oscar.stream.region.RegionWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flink adapter for {@link InboundValidator}: passes valid events on, placed in their region
 * ({@link RegionPlacement}), counts each refusal by reason (metric group {@code rejected}, counter
 * per reason, {@code unknown_region} included) and never fails the job on bad input.
 */
public final class ValidateFunction extends ProcessFunction<MqttRecord, DeviceEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(ValidateFunction.class);

  private final DirectorySource directory;
  private final ValidationPolicy policy;
  private final RegionSource regions;
  private final long reloadIntervalMs;
  private transient RegionWatch watch;
  private transient DeviceLookup lookup;
  private transient InboundValidator validator;
  private transient Map<RejectReason, Counter> rejected;

  public ValidateFunction(
      DirectorySource directory,
      ValidationPolicy policy,
      RegionSource regions,
      long reloadIntervalMs) {
    this.directory = directory;
    this.policy = policy;
    this.regions = regions;
    this.reloadIntervalMs = reloadIntervalMs;
  }

  @Override
  public void open(OpenContext openContext) {
    watch = new RegionWatch(regions, reloadIntervalMs, System.currentTimeMillis());
    lookup = directory.open();
    validator = new InboundValidator(lookup, policy, new FloodGuard());
    rejected = new EnumMap<>(RejectReason.class);
    var group = getRuntimeContext().getMetricGroup().addGroup("rejected");
    for (RejectReason r : RejectReason.values()) {
      rejected.put(r, group.counter(r.counterName()));
    }
    if (lookup instanceof RegistryDirectory registry) {
      // Why an unknown device was refused: the registry had no such id, its read budget was spent
      // (a flood of made-up ids), or it could not be read.
      var reads = getRuntimeContext().getMetricGroup().addGroup("registry");
      reads.gauge("cachedDevices", registry::cachedDevices);
      reads.gauge("readThrough", () -> registry.stats().readThrough());
      reads.gauge("knownMisses", () -> registry.stats().knownMisses());
      reads.gauge("overBudget", () -> registry.stats().overBudget());
      reads.gauge("readFailures", () -> registry.stats().failed());
    }
  }

  @Override
  public void close() throws Exception {
    if (lookup instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  @Override
  public void processElement(MqttRecord record, Context ctx, Collector<DeviceEvent> out) {
    Decoded<DeviceEvent> d =
        validator.validate(record.topic(), record.payload(), record.receivedAt());
    if (d.isOk()) {
      d = RegionPlacement.place(d.value(), watch.current(record.receivedAt()));
    }
    if (d.isOk()) {
      out.collect(d.value());
    } else {
      rejected.get(d.reason()).inc();
      // The topic names the device; the payload (a location) is never logged.
      LOG.debug("rejected {} on {}: {}", d.reason(), record.topic(), d.detail());
    }
  }
}
