package org.oscar.gateway.ais140;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The adapter's meters: {@code oscar_ais140_frames_total{outcome}} for every line received (see
 * {@link FrameOutcome}) and {@code oscar_ais140_connections} open now.
 */
public final class Ais140Metrics implements Consumer<FrameOutcome> {
  private final Map<FrameOutcome, Counter> frames = new EnumMap<>(FrameOutcome.class);
  private final AtomicInteger connections = new AtomicInteger();

  public Ais140Metrics(MeterRegistry registry) {
    for (FrameOutcome o : FrameOutcome.values()) {
      frames.put(
          o,
          Counter.builder("oscar.ais140.frames")
              .description("AIS-140 lines received, by what became of them")
              .tag("outcome", o.label())
              .tag("rejected", Boolean.toString(o.isRejection()))
              .register(registry));
    }
    registry.gauge("oscar.ais140.connections", connections);
  }

  @Override
  public void accept(FrameOutcome outcome) {
    frames.get(outcome).increment();
  }

  public long count(FrameOutcome outcome) {
    return (long) frames.get(outcome).count();
  }

  void connectionOpened() {
    connections.incrementAndGet();
  }

  void connectionClosed() {
    connections.decrementAndGet();
  }
}
