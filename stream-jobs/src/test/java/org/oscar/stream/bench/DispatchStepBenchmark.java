package org.oscar.stream.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.oscar.contract.alert.AlertEvent;
import org.oscar.contract.live.IncidentView;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.contract.wire.NoticeMessage;
import org.oscar.contract.wire.TaskMessage;
import org.oscar.contract.wire.UnitStatus;
import org.oscar.stream.dispatch.engine.Effects;
import org.oscar.stream.dispatch.engine.InMemoryRegionBook;
import org.oscar.stream.dispatch.engine.RegionDispatcher;
import org.oscar.stream.dispatch.eta.StraightLineTravelTime;
import org.oscar.stream.event.DeviceEvent;
import org.oscar.stream.event.EventKind;
import org.oscar.stream.region.TestRegions;

/**
 * The dispatch engine's cost for the event it sees most: a position report of an available unit,
 * with a region of 4 000 units (half police, half ambulances) and 0, 100 or 1 000 open incidents
 * (each holding a police unit and an ambulance). The clock stands still, so no deadline falls due
 * and the region stays as set up; the book is the in-memory one (the job's is Flink keyed state).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DispatchStepBenchmark {
  static final String REGION = "khordha";
  static final int UNITS = 4_000;
  static final long NOW = 1_800_000_000_000L;

  @Param({"0", "100", "1000"})
  int openIncidents;

  private final InMemoryRegionBook book = new InMemoryRegionBook();
  private final Effects discard = new Discard();
  private RegionDispatcher engine;
  private long seq;
  private int next;

  @Setup
  public void setUp() {
    engine =
        new RegionDispatcher(
            TestRegions.khordhaArea(REGION, null), StraightLineTravelTime.defaults());
    for (int i = 0; i < UNITS; i++) {
      engine.handle(
          event(EventKind.UNIT_STATUS, unit(i), kind(i)).status(UnitStatus.AVAILABLE).build(),
          book,
          discard);
      engine.handle(position(i), book, discard);
    }
    for (int s = 0; s < openIncidents; s++) {
      engine.handle(
          event(EventKind.SOS, "S" + s, DeviceKind.PANIC)
              .at(20.2654 + (s % 40) * 0.0005, 85.8280 + (s / 40) * 0.0005)
              .build(),
          book,
          discard);
    }
  }

  @Benchmark
  public void availableUnitReportsAPosition() {
    next = (next + 1) % UNITS;
    engine.handle(position(next), book, discard);
  }

  private DeviceEvent position(int i) {
    // A fixed place per unit, nudged a little on every report.
    double a = ((i * 2654435761L) & 0xffffL) / 65536.0;
    double b = ((i * 40503L + 12345L) & 0xffffL) / 65536.0;
    double nudge = (seq % 7) * 1e-5;
    return event(EventKind.UNIT_POSITION, unit(i), kind(i))
        .at(20.07 + a * 0.36 + nudge, 85.62 + b * 0.46)
        .build();
  }

  private DeviceEvent.Builder event(EventKind kind, String id, DeviceKind deviceKind) {
    return new DeviceEvent.Builder(kind, id, deviceKind, REGION).timing(++seq, NOW, NOW);
  }

  private static String unit(int i) {
    return (i % 2 == 0 ? "P" : "A") + i;
  }

  private static DeviceKind kind(int i) {
    return i % 2 == 0 ? DeviceKind.POLICE : DeviceKind.AMBULANCE;
  }

  private static final class Discard implements Effects {
    @Override
    public void task(String unitId, TaskMessage task) {}

    @Override
    public void notice(String deviceId, NoticeMessage notice) {}

    @Override
    public void incident(IncidentView view, boolean active) {}

    @Override
    public void alert(AlertEvent alert) {}
  }
}
