package org.oscar.stream.job;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.oscar.stream.directory.DirectorySource;
import org.oscar.stream.dispatch.eta.TravelTimeEstimator;
import org.oscar.stream.dispatch.flink.DispatchFunction;
import org.oscar.stream.event.AlertRequest;
import org.oscar.stream.event.DeviceEvent;
import org.oscar.stream.event.EventKind;
import org.oscar.stream.event.IncidentChange;
import org.oscar.stream.event.MqttRecord;
import org.oscar.stream.event.OutboundMessage;
import org.oscar.stream.region.RegionSource;
import org.oscar.stream.validate.ByDevice;
import org.oscar.stream.validate.ValidateFunction;
import org.oscar.stream.validate.ValidationPolicy;

/**
 * The OSCAR pipeline: uplink → validation → dispatch (keyed by dispatch region) → downlink, live
 * state, alert API and case register. Sources and sinks are arguments so tests can wire their own;
 * {@link OscarJobMain} wires the real ones. Operator uids are stable: changing one orphans its
 * state in savepoints.
 */
public final class OscarJob {
  private final Source<MqttRecord, ?, ?> uplink;
  private final Sink<OutboundMessage> downlink;
  private final Sink<DeviceEvent> unitLiveState;
  private final Sink<IncidentChange> incidentLiveState;
  private final Sink<AlertRequest> alerts;
  private final Sink<IncidentChange> caseRegister;
  private final DirectorySource directory;
  private final ValidationPolicy validation;
  private final RegionSource regions;
  private final long regionsReloadMs;
  private final TravelTimeEstimator travelTime;

  public OscarJob(
      Source<MqttRecord, ?, ?> uplink,
      Sink<OutboundMessage> downlink,
      Sink<DeviceEvent> unitLiveState,
      Sink<IncidentChange> incidentLiveState,
      Sink<AlertRequest> alerts,
      Sink<IncidentChange> caseRegister,
      DirectorySource directory,
      ValidationPolicy validation,
      RegionSource regions,
      long regionsReloadMs,
      TravelTimeEstimator travelTime) {
    this.uplink = uplink;
    this.downlink = downlink;
    this.unitLiveState = unitLiveState;
    this.incidentLiveState = incidentLiveState;
    this.alerts = alerts;
    this.caseRegister = caseRegister;
    this.directory = directory;
    this.validation = validation;
    this.regions = regions;
    this.regionsReloadMs = regionsReloadMs;
    this.travelTime = travelTime;
  }

  private static final ByDevice BY_DEVICE = new ByDevice();

  /** How long a partly filled network buffer may wait before it is sent downstream. */
  static final long BUFFER_TIMEOUT_MS = 5;

  public void build(StreamExecutionEnvironment env) {
    // A press is a handful of records: flush network buffers within 5 ms instead of Flink's default
    // 100 ms, which was most of a press's latency (FloodITCase: p50 99 ms before, see the note).
    env.setBufferTimeout(BUFFER_TIMEOUT_MS);
    DataStream<DeviceEvent> events =
        env.fromSource(uplink, WatermarkStrategy.noWatermarks(), "mqtt-uplink")
            .uid("mqtt-uplink")
            // Validation at the job's parallelism, each device in one instance (ByDevice).
            .partitionCustom(BY_DEVICE, BY_DEVICE)
            .process(new ValidateFunction(directory, validation, regions, regionsReloadMs))
            .uid("validate")
            .name("validate");

    events
        .filter(
            e ->
                e.kind() == EventKind.UNIT_POSITION
                    || e.kind() == EventKind.UNIT_STATUS
                    || e.kind() == EventKind.PRESENCE)
        .name("unit-events")
        .sinkTo(unitLiveState)
        .uid("redis-units")
        .name("redis-units");

    SingleOutputStreamOperator<OutboundMessage> dispatched =
        events
            .keyBy(DeviceEvent::dispatchRegion)
            .process(new DispatchFunction(regions, regionsReloadMs, travelTime))
            .uid("dispatch")
            .name("dispatch");

    dispatched.sinkTo(downlink).uid("mqtt-downlink").name("mqtt-downlink");

    dispatched
        .getSideOutput(DispatchFunction.INCIDENTS)
        .sinkTo(incidentLiveState)
        .uid("redis-incidents")
        .name("redis-incidents");
    // Live state is a cache; the case register (PostgreSQL, through the alert API) is the record.
    dispatched
        .getSideOutput(DispatchFunction.INCIDENTS)
        .sinkTo(caseRegister)
        .uid("case-register")
        .name("case-register");
    dispatched
        .getSideOutput(DispatchFunction.ALERTS)
        .sinkTo(alerts)
        .uid("alert-api")
        .name("alert-api");
  }
}
