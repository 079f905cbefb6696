package org.oscar.stream.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oscar.contract.codec.Decoded;
import org.oscar.contract.codec.RejectReason;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.contract.wire.UnitStatus;
import org.oscar.stream.directory.DeviceDirectory;
import org.oscar.stream.directory.DeviceEntry;

class InboundValidatorTest {
  private static final long NOW = 1_790_000_000_000L;
  private final InboundValidator validator =
      new InboundValidator(
          new DeviceDirectory(
              Map.of(
                  "SURV-1", new DeviceEntry("SURV-1", DeviceKind.PANIC, "bbsr"),
                  "PCR-1", new DeviceEntry("PCR-1", DeviceKind.POLICE, "bbsr"))),
          ValidationPolicy.defaults());

  private Decoded<DeviceEvent> validate(String topic, String json) {
    return validator.validate(topic, json.getBytes(StandardCharsets.UTF_8), NOW);
  }

  @Test
  void acceptsAPressAndKeepsItsRegionAndFlags() {
    Decoded<DeviceEvent> d =
        validate(
            "oscar/v1/dev/SURV-1/sos",
            "{\"seq\":3,\"ts\":" + NOW + ",\"lat\":20.26,\"lon\":85.82,\"injured\":true,\"x\":1}");

    assertThat(d.isOk()).isTrue();
    assertThat(d.value().kind()).isEqualTo(EventKind.SOS);
    assertThat(d.value().region()).isEqualTo("bbsr");
    assertThat(d.value().injured()).isTrue();
    assertThat(d.value().receivedAt()).isEqualTo(NOW);
  }

  @Test
  void acceptsUnitPositionAndStatus() {
    assertThat(
            validate(
                    "oscar/v1/unit/PCR-1/pos",
                    "{\"seq\":1,\"ts\":" + NOW + ",\"lat\":20,\"lon\":85}")
                .value()
                .kind())
        .isEqualTo(EventKind.UNIT_POSITION);
    assertThat(
            validate(
                    "oscar/v1/unit/PCR-1/status",
                    "{\"seq\":2,\"ts\":" + NOW + ",\"status\":\"AVAILABLE\"}")
                .value()
                .status())
        .isEqualTo(UnitStatus.AVAILABLE);
  }

  @Test
  void rejectsUnknownDevices() {
    assertThat(validate("oscar/v1/dev/NOBODY/sos", press()).reason())
        .isEqualTo(RejectReason.UNKNOWN_DEVICE);
  }

  @Test
  void rejectsAPanicDevicePosingAsAUnit() {
    assertThat(validate("oscar/v1/unit/SURV-1/pos", press()).reason())
        .isEqualTo(RejectReason.WRONG_DEVICE_CLASS);
  }

  @Test
  void rejectsTopicsOutsideTheContract() {
    assertThat(validate("other/SURV-1/sos", press()).reason())
        .isEqualTo(RejectReason.UNKNOWN_TOPIC);
    assertThat(validate("oscar/v1/dev/SURV-1/reboot", press()).reason())
        .isEqualTo(RejectReason.UNKNOWN_TOPIC);
    assertThat(validate("oscar/v1/dev/bad id!/sos", press()).reason())
        .isEqualTo(RejectReason.UNKNOWN_TOPIC);
  }

  @Test
  void rejectsImpossibleCoordinates() {
    assertThat(
            validate(
                    "oscar/v1/dev/SURV-1/sos",
                    "{\"seq\":1,\"ts\":" + NOW + ",\"lat\":91,\"lon\":85}")
                .reason())
        .isEqualTo(RejectReason.BAD_COORDINATE);
  }

  @Test
  void rejectsMessagesFromTheFarFuture() {
    long future = NOW + 3_600_000;
    assertThat(
            validate(
                    "oscar/v1/unit/PCR-1/pos",
                    "{\"seq\":1,\"ts\":" + future + ",\"lat\":20,\"lon\":85}")
                .reason())
        .isEqualTo(RejectReason.CLOCK_SKEW);
  }

  @Test
  void rejectsStalePositionsButNeverAStalePress() {
    long old = NOW - 3_600_000;
    assertThat(
            validate(
                    "oscar/v1/unit/PCR-1/pos",
                    "{\"seq\":1,\"ts\":" + old + ",\"lat\":20,\"lon\":85}")
                .reason())
        .isEqualTo(RejectReason.STALE);
    assertThat(
            validate(
                    "oscar/v1/dev/SURV-1/sos",
                    "{\"seq\":1,\"ts\":" + old + ",\"lat\":20,\"lon\":85}")
                .isOk())
        .isTrue();
  }

  private static String press() {
    return "{\"seq\":1,\"ts\":" + NOW + ",\"lat\":20.26,\"lon\":85.82}";
  }
}
