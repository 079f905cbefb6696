package org.oscar.stream.dispatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.runtime.PojoSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import org.oscar.contract.live.FacilityView;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.contract.wire.Role;
import org.oscar.contract.wire.UnitStatus;
import org.oscar.stream.event.AlertRequest;
import org.oscar.stream.event.CancelOutcome;
import org.oscar.stream.event.DeviceEvent;
import org.oscar.stream.event.EventKind;
import org.oscar.stream.event.IncidentChange;

/**
 * Everything the job keeps in state or sends between operators is serialized by Flink's POJO
 * serializer (evolvable, fast), never by Kryo or Java serialization, and survives a round trip.
 */
class StateSerializersTest {
  private final SerializerConfigImpl config = noGenericTypes();

  private static SerializerConfigImpl noGenericTypes() {
    SerializerConfigImpl c = new SerializerConfigImpl();
    c.setGenericTypes(false);
    return c;
  }

  @Test
  void incidentStateRoundTripsThroughThePojoSerializer() throws Exception {
    IncidentState inc = new IncidentState();
    inc.incidentId = "INC-SURV-1-4";
    inc.deviceId = "SURV-1";
    inc.region = "khordha";
    inc.district = "Khordha";
    inc.lat = 20.26;
    inc.lon = 85.82;
    inc.injured = true;
    inc.phase = Phase.ON_SCENE;
    inc.osc = new FacilityView("OSC-1", "OSC", "Sakhi", 20.25, 85.81);
    Assignment a = new Assignment();
    a.assignmentId = "INC-SURV-1-4-P1-PCR-1";
    a.unitId = "PCR-1";
    a.role = Role.POLICE;
    a.status = AssignmentStatus.ARRIVED;
    a.etaS = 120;
    inc.assignments.add(a);
    inc.pendingRoles.add(Role.AMBULANCE);
    inc.excludedUnits.add("PCR-9");
    inc.pressSeqs.add(4L);
    inc.alertedRoles.add("SHO");
    inc.log(5, "OPENED", "device:SURV-1", "panic press");

    IncidentState copy = roundTrip(IncidentState.class, inc);

    assertThat(copy).usingRecursiveComparison().isEqualTo(inc);
  }

  @Test
  void unitStateAndDeviceEventsRoundTrip() throws Exception {
    UnitState u =
        new UnitState(
            "PCR-1",
            DeviceKind.POLICE,
            "khordha",
            true,
            20.1,
            85.1,
            7,
            UnitStatus.AVAILABLE,
            null,
            2,
            true,
            9,
            10);
    DeviceEvent e =
        new DeviceEvent.Builder(EventKind.CANCEL, "SURV-1", DeviceKind.PANIC, "khordha")
            .timing(3, 4, 5)
            .cancel(CancelOutcome.DURESS)
            .build();

    assertThat(roundTrip(UnitState.class, u)).isEqualTo(u);
    assertThat(roundTrip(DeviceEvent.class, e)).isEqualTo(e);
    assertThat(roundTrip(IncidentChange.class, new IncidentChange("I", "r", true, "{}")))
        .isEqualTo(new IncidentChange("I", "r", true, "{}"));
    assertThat(roundTrip(AlertRequest.class, new AlertRequest("I:OPENED", "I", "{}")))
        .isEqualTo(new AlertRequest("I:OPENED", "I", "{}"));
  }

  private <T> T roundTrip(Class<T> type, T value) throws Exception {
    TypeSerializer<T> serializer = TypeInformation.of(type).createSerializer(config);
    assertThat(serializer).isInstanceOf(PojoSerializer.class);
    DataOutputSerializer out = new DataOutputSerializer(256);
    serializer.serialize(value, out);
    return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
  }

  @Test
  void listsInsideStateAreNotLeftToKryo() {
    String described = TypeInformation.of(IncidentState.class).toString();

    assertThat(described).doesNotContain("GenericType");
    assertThat(List.of("assignments", "timeline", "pendingRoles")).allMatch(described::contains);
  }
}
