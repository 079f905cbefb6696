package org.oscar.stream.dispatch;

import java.util.ArrayList;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.oscar.contract.codec.Json;
import org.oscar.contract.live.AssignmentView;
import org.oscar.contract.live.IncidentView;
import org.oscar.contract.wire.NoticeMessage;
import org.oscar.contract.wire.NoticeState;
import org.oscar.contract.wire.TaskAction;
import org.oscar.contract.wire.TaskMessage;
import org.oscar.contract.wire.Topics;
import org.oscar.stream.connector.mqtt.sink.OutboundMessage;
import org.oscar.stream.geo.Jurisdictions;
import org.oscar.stream.validate.DeviceEvent;

/**
 * The dispatch operator of one region (keyed by region id). It alone owns the region's units and
 * open incidents, so assignment is serial and needs no lock. It keeps state and emits; the decision
 * itself is {@link DispatchPlanner}'s.
 *
 * <p>Main output: downlink messages. Side output {@link #INCIDENTS}: opened incidents, for live
 * state and the alert API.
 */
public final class DispatchFunction
    extends KeyedProcessFunction<String, DeviceEvent, OutboundMessage> {
  public static final OutputTag<IncidentChange> INCIDENTS =
      new OutputTag<>(
          "incidents",
          org.apache.flink.api.common.typeinfo.TypeInformation.of(IncidentChange.class)) {};

  private final DispatchPlanner planner;
  private transient Jurisdictions jurisdictions;
  private transient MapState<String, UnitState> units;
  private transient MapState<String, String> openIncidentByDevice;
  private transient Counter incidentsOpened;
  private transient Counter repeatPresses;

  public DispatchFunction(DispatchPlanner planner) {
    this.planner = planner;
  }

  @Override
  public void open(OpenContext openContext) {
    jurisdictions = Jurisdictions.bhubaneswar();
    units =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("units", String.class, UnitState.class));
    openIncidentByDevice =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>("open-incident-by-device", String.class, String.class));
    var metrics = getRuntimeContext().getMetricGroup();
    incidentsOpened = metrics.counter("incidentsOpened");
    repeatPresses = metrics.counter("repeatPresses");
  }

  @Override
  public void processElement(DeviceEvent event, Context ctx, Collector<OutboundMessage> out)
      throws Exception {
    switch (event.kind()) {
      case UNIT_POSITION ->
          updateUnit(event, current(event).movedTo(event.lat(), event.lon(), event.receivedAt()));
      case UNIT_STATUS -> updateUnit(event, current(event).withStatus(event.status()));
      case SOS -> press(event, ctx, out);
    }
  }

  private UnitState current(DeviceEvent event) throws Exception {
    UnitState known = units.get(event.deviceId());
    return known != null ? known : UnitState.unknown(event.deviceId(), event.deviceKind());
  }

  private void updateUnit(DeviceEvent event, UnitState updated) throws Exception {
    units.put(event.deviceId(), updated);
  }

  private void press(DeviceEvent press, Context ctx, Collector<OutboundMessage> out)
      throws Exception {
    String open = openIncidentByDevice.get(press.deviceId());
    if (open != null) {
      // One emergency, one incident: a repeated press only re-confirms that help is coming.
      repeatPresses.inc();
      out.collect(
          notice(
              press.deviceId(),
              new NoticeMessage(open, NoticeState.RECEIVED, null, press.receivedAt())));
      return;
    }
    DispatchPlan plan =
        planner.plan(
            new DispatchPlanner.Press(
                press.deviceId(),
                press.seq(),
                press.lat(),
                press.lon(),
                press.injured(),
                press.receivedAt()),
            units.values(),
            jurisdictions);
    openIncidentByDevice.put(press.deviceId(), plan.incidentId());
    for (AssignmentView a : plan.assignments()) {
      units.put(a.unitId(), units.get(a.unitId()).assignedTo(plan.incidentId()));
      TaskMessage task =
          new TaskMessage(
              a.assignmentId(),
              plan.incidentId(),
              a.role(),
              TaskAction.ASSIGN,
              press.lat(),
              press.lon(),
              a.etaS(),
              a.ackBy(),
              null,
              press.receivedAt());
      out.collect(
          new OutboundMessage(Topics.unit(a.unitId(), Topics.TASK), Json.toBytes(task), 1, false));
    }
    Long eta = plan.firstEtaS();
    NoticeState state = eta == null ? NoticeState.RECEIVED : NoticeState.HELP_COMING;
    out.collect(
        notice(
            press.deviceId(),
            new NoticeMessage(plan.incidentId(), state, eta, press.receivedAt())));
    IncidentView view =
        new IncidentView(
            plan.incidentId(),
            ctx.getCurrentKey(),
            press.deviceId(),
            "OPEN",
            press.lat(),
            press.lon(),
            press.injured(),
            plan.jurisdiction(),
            press.receivedAt(),
            new ArrayList<>(plan.assignments()));
    ctx.output(INCIDENTS, IncidentChange.of(view));
    incidentsOpened.inc();
  }

  private static OutboundMessage notice(String deviceId, NoticeMessage notice) {
    return new OutboundMessage(
        Topics.device(deviceId, Topics.NOTICE), Json.toBytes(notice), 1, false);
  }
}
