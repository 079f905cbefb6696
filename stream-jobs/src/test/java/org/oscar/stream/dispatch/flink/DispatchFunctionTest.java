package org.oscar.stream.dispatch.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oscar.stream.dispatch.engine.RegionFixture.CAPITAL;
import static org.oscar.stream.dispatch.engine.RegionFixture.north;

import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oscar.contract.codec.Json;
import org.oscar.contract.region.DispatchPolicy;
import org.oscar.contract.region.RegionCatalog;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.contract.wire.TaskMessage;
import org.oscar.contract.wire.UnitStatus;
import org.oscar.stream.dispatch.engine.DecisionLog;
import org.oscar.stream.dispatch.engine.RecordedRun;
import org.oscar.stream.dispatch.engine.RegionFixture;
import org.oscar.stream.dispatch.engine.ReplayDeterminismTest;
import org.oscar.stream.dispatch.eta.StraightLineTravelTime;
import org.oscar.stream.event.DeviceEvent;
import org.oscar.stream.event.IncidentChange;
import org.oscar.stream.event.OutboundMessage;
import org.oscar.stream.region.RegionSource;
import org.oscar.stream.region.TestRegions;

/** The Flink adapter: keyed state, timers that fire with no message, state cleared after close. */
class DispatchFunctionTest {
  private KeyedOneInputStreamOperatorTestHarness<String, DeviceEvent, OutboundMessage> harness;
  // Builds events; its own engine is not used here.
  private final RegionFixture events = new RegionFixture();

  @BeforeEach
  void open() throws Exception {
    harness = newHarness();
    harness.open();
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, DeviceEvent, OutboundMessage>
      newHarness() throws Exception {
    return new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(
            new DispatchFunction(
                TestRegions.khordhaAs(RegionFixture.REGION),
                60_000,
                StraightLineTravelTime.defaults())),
        DeviceEvent::dispatchRegion,
        Types.STRING);
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void ackDeadlineFiresWithNoMessageAtAll() throws Exception {
    twoPoliceUnitsAndAPress();
    assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

    harness.setProcessingTime(events.now() + 61_000);

    assertThat(tasks())
        .extracting(
            t -> t.action() + " " + t.assignmentId().substring(t.assignmentId().indexOf("PCR")))
        .containsExactly("ASSIGN PCR-1", "WITHDRAW PCR-1", "ASSIGN PCR-2");
  }

  @Test
  void leavesNoIncidentStateAndNoTimerOnceClosedIncidentsAreForgotten() throws Exception {
    double[] p = north(CAPITAL, 800);
    send(events.status("PCR-1", DeviceKind.POLICE, UnitStatus.AVAILABLE));
    send(events.unitAt("PCR-1", DeviceKind.POLICE, p[0], p[1]));
    send(events.status("AMB-1", DeviceKind.AMBULANCE, UnitStatus.AVAILABLE));
    send(events.unitAt("AMB-1", DeviceKind.AMBULANCE, p[0], p[1]));
    int unitEntries = harness.numKeyedStateEntries();
    for (int i = 0; i < 10; i++) {
      send(events.press("SURV-" + i, CAPITAL));
      send(events.status("PCR-1", DeviceKind.POLICE, UnitStatus.ON_SCENE));
      send(events.status("AMB-1", DeviceKind.AMBULANCE, UnitStatus.ON_SCENE));
      send(events.status("PCR-1", DeviceKind.POLICE, UnitStatus.AVAILABLE));
      send(events.status("AMB-1", DeviceKind.AMBULANCE, UnitStatus.AVAILABLE));
    }
    assertThat(closedIncidents()).hasSize(10);
    assertThat(harness.numKeyedStateEntries()).isGreaterThan(unitEntries);

    harness.setProcessingTime(events.now() + 601_000);

    assertThat(harness.numKeyedStateEntries()).isEqualTo(unitEntries);
    assertThat(harness.numProcessingTimeTimers()).isZero();
  }

  @Test
  void restoresFromASnapshotAndCarriesOnWithTheSameIncident() throws Exception {
    twoPoliceUnitsAndAPress();
    var snapshot = harness.snapshot(1, events.now());
    harness.close();

    harness = newHarness();
    harness.setup();
    harness.initializeState(snapshot);
    harness.open();
    harness.setProcessingTime(events.now() + 61_000);

    // The restored timer fires; the rebuilt index knows PCR-2 is free.
    assertThat(tasks())
        .extracting(
            t -> t.action() + " " + t.assignmentId().substring(t.assignmentId().indexOf("PCR")))
        .containsExactly("WITHDRAW PCR-1", "ASSIGN PCR-2");
  }

  @Test
  @SuppressWarnings("unchecked")
  void makesTheSameDecisionsAsThePlainEngineOnARecordedRun() throws Exception {
    RecordedRun run = new RecordedRun(11, ReplayDeterminismTest.engine(), 60);

    for (DeviceEvent e : run.inputs) {
      send(e);
    }
    harness.setProcessingTime(run.end);

    List<String> downlink =
        harness.getOutput().stream()
            .filter(o -> o instanceof StreamRecord)
            .map(o -> line(((StreamRecord<OutboundMessage>) o).getValue()))
            .toList();
    List<String> incidents =
        harness.getSideOutput(DispatchFunction.INCIDENTS).stream()
            .map(r -> DecisionLog.incidentLine(r.getValue().viewJson(), r.getValue().active()))
            .toList();
    List<String> alerts =
        harness.getSideOutput(DispatchFunction.ALERTS).stream()
            .map(r -> r.getValue().eventJson())
            .toList();
    assertThat(downlink).containsExactlyElementsOf(run.decisions.downlink);
    assertThat(incidents).containsExactlyElementsOf(run.decisions.incidents);
    assertThat(alerts).containsExactlyElementsOf(run.decisions.alerts);
  }

  private static String line(OutboundMessage m) {
    var topic = org.oscar.contract.wire.Topics.parse(m.topic()).orElseThrow();
    return topic.leaf().equals("task")
        ? DecisionLog.taskLine(topic.deviceId(), Json.fromBytes(m.payload(), TaskMessage.class))
        : DecisionLog.noticeLine(
            topic.deviceId(),
            Json.fromBytes(m.payload(), org.oscar.contract.wire.NoticeMessage.class));
  }

  /** PCR-1 800 m from her, PCR-2 2 km; she presses: PCR-1 is assigned. */
  /** Khordha's bundle whose policy a test changes, as an edit of the folder would. */
  record ChangingRegions() implements RegionSource {
    static final java.util.concurrent.atomic.AtomicInteger ACK_TIMEOUT_S =
        new java.util.concurrent.atomic.AtomicInteger(60);

    @Override
    public RegionCatalog load() {
      DispatchPolicy p = TestRegions.khordha().dispatchPolicy();
      int ack = ACK_TIMEOUT_S.get();
      return TestRegions.khordhaAs(RegionFixture.REGION)
          .withPolicy(
              p.withTimings(
                  ack, p.stallWindowS(), p.ladderStepS(), p.reopenWindowS(), p.etaMarginS()))
          .load();
    }

    @Override
    public String version() {
      return "ack-" + ACK_TIMEOUT_S.get();
    }
  }

  @Test
  void aBundleChangedWhileAnIncidentIsOpenTakesEffectAndTheIncidentCarriesOn() throws Exception {
    ChangingRegions.ACK_TIMEOUT_S.set(60);
    harness.close();
    harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(
                new DispatchFunction(new ChangingRegions(), 0, StraightLineTravelTime.defaults())),
            DeviceEvent::dispatchRegion,
            Types.STRING);
    harness.open();
    twoPoliceUnitsAndAPress();
    String incident = tasks().get(0).incidentId();

    // The district's policy is edited: units now have two minutes to acknowledge.
    ChangingRegions.ACK_TIMEOUT_S.set(120);
    harness.setProcessingTime(events.now() + 61_000);

    // The open incident's deadline, set before the change, is met; the next unit gets the new one.
    List<TaskMessage> t = tasks();
    assertThat(t).extracting(TaskMessage::incidentId).containsOnly(incident);
    assertThat(t)
        .extracting(
            x -> x.action() + " " + x.assignmentId().substring(x.assignmentId().indexOf("PCR")))
        .containsExactly("ASSIGN PCR-1", "WITHDRAW PCR-1", "ASSIGN PCR-2");
    assertThat(t.get(2).ackBy() - t.get(2).ts()).isEqualTo(120_000);
    assertThat(t.get(0).ackBy() - t.get(0).ts()).isEqualTo(60_000);
  }

  private void twoPoliceUnitsAndAPress() throws Exception {
    double[] p1 = north(CAPITAL, 800);
    double[] p2 = north(CAPITAL, 2_000);
    send(events.status("PCR-1", DeviceKind.POLICE, UnitStatus.AVAILABLE));
    send(events.unitAt("PCR-1", DeviceKind.POLICE, p1[0], p1[1]));
    send(events.status("PCR-2", DeviceKind.POLICE, UnitStatus.AVAILABLE));
    send(events.unitAt("PCR-2", DeviceKind.POLICE, p2[0], p2[1]));
    send(events.press("SURV-1", CAPITAL));
  }

  private void send(DeviceEvent e) throws Exception {
    harness.setProcessingTime(e.receivedAt());
    harness.processElement(new StreamRecord<>(e, e.receivedAt()));
  }

  @SuppressWarnings("unchecked")
  private List<TaskMessage> tasks() {
    return harness.getOutput().stream()
        .filter(o -> o instanceof StreamRecord)
        .map(o -> ((StreamRecord<OutboundMessage>) o).getValue())
        .filter(m -> m.topic().endsWith("/task"))
        .map(m -> Json.fromBytes(m.payload(), TaskMessage.class))
        .toList();
  }

  private List<IncidentChange> closedIncidents() {
    return harness.getSideOutput(DispatchFunction.INCIDENTS).stream()
        .map(StreamRecord::getValue)
        .filter(c -> !c.active())
        .toList();
  }
}
