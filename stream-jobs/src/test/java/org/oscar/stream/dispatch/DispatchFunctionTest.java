package org.oscar.stream.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oscar.contract.codec.Json;
import org.oscar.contract.live.IncidentView;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.contract.wire.NoticeMessage;
import org.oscar.contract.wire.NoticeState;
import org.oscar.contract.wire.Role;
import org.oscar.contract.wire.TaskMessage;
import org.oscar.contract.wire.UnitStatus;
import org.oscar.stream.connector.mqtt.sink.OutboundMessage;
import org.oscar.stream.validate.DeviceEvent;
import org.oscar.stream.validate.EventKind;

class DispatchFunctionTest {
  private static final String REGION = "bhubaneswar";
  private KeyedOneInputStreamOperatorTestHarness<String, DeviceEvent, OutboundMessage> harness;
  private long clock = 1_000;

  @BeforeEach
  void setUp() throws Exception {
    var planner = new DispatchPlanner(StraightLineTravelTime.defaults(), Duration.ofSeconds(60));
    harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new DispatchFunction(planner)),
            DeviceEvent::region,
            org.apache.flink.api.common.typeinfo.Types.STRING);
    harness.open();
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  @Test
  void assignsBothUnitsAndConfirmsToTheSurvivorOnOnePress() throws Exception {
    unitReady("PCR-1", DeviceKind.POLICE, 20.270, 85.830);
    unitReady("AMB-1", DeviceKind.AMBULANCE, 20.260, 85.826);

    send(press("SURV-1", 4));

    List<OutboundMessage> out = outputs();
    assertThat(out)
        .extracting(OutboundMessage::topic)
        .containsExactly(
            "oscar/v1/unit/PCR-1/task", "oscar/v1/unit/AMB-1/task", "oscar/v1/dev/SURV-1/notice");
    TaskMessage police = Json.fromBytes(out.get(0).payload(), TaskMessage.class);
    assertThat(police.role()).isEqualTo(Role.POLICE);
    assertThat(police.incidentId()).isEqualTo("INC-SURV-1-4");
    NoticeMessage notice = Json.fromBytes(out.get(2).payload(), NoticeMessage.class);
    assertThat(notice.state()).isEqualTo(NoticeState.HELP_COMING);
    assertThat(notice.etaS()).isPositive();

    List<IncidentView> incidents = incidents();
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).jurisdiction()).isEqualTo("Capital Police Station");
    assertThat(incidents.get(0).assignments()).hasSize(2);
  }

  @Test
  void treatsARepeatedPressAsTheSameIncident() throws Exception {
    unitReady("PCR-1", DeviceKind.POLICE, 20.270, 85.830);
    send(press("SURV-1", 1));
    harness.getOutput().clear();

    send(press("SURV-1", 2));

    assertThat(incidents()).extracting(IncidentView::incidentId).containsExactly("INC-SURV-1-1");
    assertThat(outputs())
        .singleElement()
        .satisfies(
            m ->
                assertThat(Json.fromBytes(m.payload(), NoticeMessage.class).incidentId())
                    .isEqualTo("INC-SURV-1-1"));
  }

  @Test
  void doesNotAssignAUnitThatAlreadyHoldsAnIncident() throws Exception {
    unitReady("PCR-1", DeviceKind.POLICE, 20.270, 85.830);
    send(press("SURV-1", 1));
    harness.getOutput().clear();

    send(press("SURV-2", 1));

    NoticeMessage notice = Json.fromBytes(outputs().get(0).payload(), NoticeMessage.class);
    assertThat(notice.state()).isEqualTo(NoticeState.RECEIVED);
    assertThat(notice.etaS()).isNull();
  }

  private void unitReady(String id, DeviceKind kind, double lat, double lon) throws Exception {
    send(
        new DeviceEvent(
            EventKind.UNIT_STATUS,
            id,
            kind,
            REGION,
            1,
            clock,
            clock,
            0,
            0,
            false,
            UnitStatus.AVAILABLE));
    send(
        new DeviceEvent(
            EventKind.UNIT_POSITION, id, kind, REGION, 2, clock, clock, lat, lon, false, null));
  }

  private DeviceEvent press(String device, long seq) {
    return new DeviceEvent(
        EventKind.SOS,
        device,
        DeviceKind.PANIC,
        REGION,
        seq,
        clock,
        clock,
        20.265367,
        85.828033,
        false,
        null);
  }

  private void send(DeviceEvent e) throws Exception {
    harness.processElement(new StreamRecord<>(e, clock++));
  }

  @SuppressWarnings("unchecked")
  private List<OutboundMessage> outputs() {
    return harness.getOutput().stream()
        .filter(o -> o instanceof StreamRecord)
        .map(o -> ((StreamRecord<OutboundMessage>) o).getValue())
        .toList();
  }

  private List<IncidentView> incidents() {
    var side = harness.getSideOutput(DispatchFunction.INCIDENTS);
    return side == null ? List.of() : side.stream().map(r -> r.getValue().view()).toList();
  }
}
