package org.oscar.stream.dispatch.flink;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.oscar.contract.alert.AlertEvent;
import org.oscar.contract.codec.Json;
import org.oscar.contract.live.IncidentView;
import org.oscar.contract.region.RegionBundle;
import org.oscar.contract.region.RegionCatalog;
import org.oscar.contract.wire.NoticeMessage;
import org.oscar.contract.wire.TaskAction;
import org.oscar.contract.wire.TaskMessage;
import org.oscar.contract.wire.Topics;
import org.oscar.stream.dispatch.engine.Effects;
import org.oscar.stream.dispatch.engine.IncidentDigest;
import org.oscar.stream.dispatch.engine.RegionBook;
import org.oscar.stream.dispatch.engine.RegionDispatcher;
import org.oscar.stream.dispatch.eta.TravelTimeEstimator;
import org.oscar.stream.dispatch.model.IncidentState;
import org.oscar.stream.dispatch.model.UnitState;
import org.oscar.stream.dispatch.reference.DispatchArea;
import org.oscar.stream.dispatch.spatial.UnitGridIndex;
import org.oscar.stream.event.AlertRequest;
import org.oscar.stream.event.DeviceEvent;
import org.oscar.stream.event.EventKind;
import org.oscar.stream.event.IncidentChange;
import org.oscar.stream.event.OutboundMessage;
import org.oscar.stream.region.RegionSource;
import org.oscar.stream.region.RegionWatch;

/**
 * The dispatch operator, keyed by dispatch region: one instance owns every unit and open incident
 * of its regions, so assignment is serial and needs no lock. A thin adapter: it loads the region's
 * book from keyed state, lets {@link RegionDispatcher} decide, emits what it decided and sets a
 * processing-time timer for the engine's next deadline, so deadlines fire even when nothing
 * arrives.
 *
 * <p>The regions come from the bundles ({@link RegionSource}), re-read when they change: a new or
 * changed region takes effect at the next event or timer of its dispatch region, and incidents
 * already open keep running, those of a region since removed included (its last bundle stays in use
 * for them until the job restarts).
 *
 * <p>Main output: downlink messages. Side outputs: {@link #INCIDENTS} (live state) and {@link
 * #ALERTS} (the alert API).
 */
public final class DispatchFunction
    extends KeyedProcessFunction<String, DeviceEvent, OutboundMessage> {
  public static final OutputTag<IncidentChange> INCIDENTS =
      new OutputTag<>("incidents", TypeInformation.of(IncidentChange.class)) {};
  public static final OutputTag<AlertRequest> ALERTS =
      new OutputTag<>("alerts", TypeInformation.of(AlertRequest.class)) {};

  private final RegionSource regions;
  private final long reloadIntervalMs;
  private final TravelTimeEstimator travelTime;
  private transient RegionWatch watch;
  private transient RegionCatalog catalog;
  // Every bundle seen since the operator opened, the current ones winning: a region dropped by a
  // reload still serves its open incidents.
  private transient Map<String, RegionBundle> known;
  private transient Map<String, DispatchArea> areas;
  // One engine per region key (engines are stateless apart from a counter; state is in the book).
  private transient Map<String, RegionDispatcher> engines;
  private transient MapState<String, UnitState> units;
  private transient MapState<String, IncidentState> incidents;
  private transient MapState<String, String> devices;
  // Derived from `units`, per region key; rebuilt after a restore.
  private transient Map<String, UnitGridIndex> indexes;
  private transient Map<String, IncidentDigest> digests;
  private transient Counter tasksSent;
  private transient Counter alertsRaised;
  private transient Histogram pressToAssignment;
  private transient int assignsThisStep;

  public DispatchFunction(
      RegionSource regions, long reloadIntervalMs, TravelTimeEstimator travelTime) {
    this.regions = regions;
    this.reloadIntervalMs = reloadIntervalMs;
    this.travelTime = travelTime;
  }

  @Override
  public void open(OpenContext openContext) {
    watch = new RegionWatch(regions, reloadIntervalMs, System.currentTimeMillis());
    known = new HashMap<>();
    areas = new HashMap<>();
    engines = new HashMap<>();
    var rc = getRuntimeContext();
    units = rc.getMapState(new MapStateDescriptor<>("units", String.class, UnitState.class));
    incidents =
        rc.getMapState(new MapStateDescriptor<>("incidents", String.class, IncidentState.class));
    devices =
        rc.getMapState(new MapStateDescriptor<>("incident-of-device", String.class, String.class));
    indexes = new HashMap<>();
    digests = new HashMap<>();
    tasksSent = rc.getMetricGroup().counter("tasksSent");
    alertsRaised = rc.getMetricGroup().counter("alertsRaised");
    // From the moment the source took the press off the broker to its first tasks being emitted.
    pressToAssignment =
        rc.getMetricGroup()
            .histogram("pressToAssignmentMs", new DescriptiveStatisticsHistogram(10_000));
    var bundles = rc.getMetricGroup().addGroup("regions");
    bundles.gauge("reloads", () -> watch.reloads());
    bundles.gauge("reloadFailures", () -> watch.failures());
    bundles.gauge(
        "orphanedIncidentSteps",
        () -> areas.values().stream().mapToLong(DispatchArea::orphaned).sum());
    rc.getMetricGroup()
        .gauge(
            "stuckDeadlines",
            () -> engines.values().stream().mapToLong(RegionDispatcher::stuckDeadlines).sum());
  }

  @Override
  public void processElement(DeviceEvent event, Context ctx, Collector<OutboundMessage> out) {
    refreshRegions(event.receivedAt(), false);
    if (!engineArea(ctx.getCurrentKey()).holds(event.region())) {
      // Validation took a new bundle before this operator looked: look now, not in 10 s.
      refreshRegions(event.receivedAt(), true);
    }
    RegionBook book = book(ctx.getCurrentKey());
    assignsThisStep = 0;
    engine(ctx.getCurrentKey()).handle(event, book, effects(ctx, out));
    if (event.kind() == EventKind.SOS && assignsThisStep > 0) {
      pressToAssignment.update(Math.max(0, System.currentTimeMillis() - event.receivedAt()));
    }
    after(book, ctx, event.receivedAt());
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<OutboundMessage> out) {
    refreshRegions(timestamp, false);
    RegionBook book = book(ctx.getCurrentKey());
    engine(ctx.getCurrentKey()).advanceTo(timestamp, book, effects(ctx, out));
    after(book, ctx, timestamp);
  }

  private void refreshRegions(long now, boolean force) {
    RegionCatalog current = force ? watch.reloadNow(now) : watch.current(now);
    if (current != catalog) {
      catalog = current;
      known.putAll(current.bundles());
      // Engines hold no state of their own: rebuilt from the new bundles at their next use.
      engines.clear();
      areas.clear();
    }
  }

  private DispatchArea engineArea(String dispatchRegion) {
    engine(dispatchRegion);
    return areas.get(dispatchRegion);
  }

  private RegionDispatcher engine(String dispatchRegion) {
    return engines.computeIfAbsent(
        dispatchRegion,
        d -> {
          // The first region in id order guards incidents whose own bundle is gone (DispatchArea).
          RegionBundle guard =
              known.values().stream()
                  .min(java.util.Comparator.comparing(RegionBundle::region))
                  .orElse(null);
          DispatchArea area =
              DispatchArea.of(
                  d,
                  known.values().stream().filter(b -> b.dispatchRegion().equals(d)).toList(),
                  guard);
          areas.put(d, area);
          return new RegionDispatcher(area, travelTime);
        });
  }

  private RegionBook book(String region) {
    return new MapStateRegionBook(
        units, incidents, devices, indexes.get(region), digests.get(region));
  }

  private void after(RegionBook book, Context ctx, long now) {
    if (book.indexIfBuilt() != null) {
      indexes.put(ctx.getCurrentKey(), book.indexIfBuilt());
    }
    if (book.digestIfBuilt() != null) {
      digests.put(ctx.getCurrentKey(), book.digestIfBuilt());
    }
    long next = engine(ctx.getCurrentKey()).nextDeadline(book);
    if (next != Long.MAX_VALUE) {
      // Timers at the same time are one timer; a timer that finds nothing due does nothing. Every
      // deadline up to `now` has been met, so `next` is later, unless a rule is stuck: then retry
      // in a second rather than spin.
      ctx.timerService()
          .registerProcessingTimeTimer(Math.max(next, now + (next <= now ? 1_000 : 0)));
    }
  }

  private Effects effects(Context ctx, Collector<OutboundMessage> out) {
    return new Effects() {
      @Override
      public void task(String unitId, TaskMessage task) {
        tasksSent.inc();
        if (task.action() == TaskAction.ASSIGN) {
          assignsThisStep++;
        }
        out.collect(
            new OutboundMessage(Topics.unit(unitId, Topics.TASK), Json.toBytes(task), 1, false));
      }

      @Override
      public void notice(String deviceId, NoticeMessage notice) {
        out.collect(
            new OutboundMessage(
                Topics.device(deviceId, Topics.NOTICE), Json.toBytes(notice), 1, false));
      }

      @Override
      public void incident(IncidentView view, boolean active) {
        ctx.output(INCIDENTS, IncidentChange.of(view, active));
      }

      @Override
      public void alert(AlertEvent alert) {
        alertsRaised.inc();
        ctx.output(ALERTS, AlertRequest.of(alert));
      }
    };
  }
}
