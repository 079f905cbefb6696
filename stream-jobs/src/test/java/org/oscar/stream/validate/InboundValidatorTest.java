package org.oscar.stream.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oscar.contract.codec.Decoded;
import org.oscar.contract.codec.RejectReason;
import org.oscar.contract.security.PinHash;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.contract.wire.UnitStatus;
import org.oscar.stream.directory.DeviceDirectory;
import org.oscar.stream.directory.DeviceEntry;
import org.oscar.stream.event.CancelOutcome;
import org.oscar.stream.event.DeviceEvent;
import org.oscar.stream.event.EventKind;

class InboundValidatorTest {
  private static final long NOW = 1_790_000_000_000L;
  private static final SecureRandom RANDOM = new SecureRandom();
  private final InboundValidator validator =
      new InboundValidator(
          new DeviceDirectory(
              Map.of(
                  "SURV-1",
                  new DeviceEntry(
                      "SURV-1",
                      DeviceKind.PANIC,
                      "bbsr",
                      PinHash.hash("1234", RANDOM, 1_000),
                      PinHash.hash("9999", RANDOM, 1_000)),
                  "SURV-NOPIN",
                  new DeviceEntry("SURV-NOPIN", DeviceKind.PANIC, "bbsr"),
                  "PCR-1",
                  new DeviceEntry("PCR-1", DeviceKind.POLICE, "bbsr"))),
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
  void aUnitsHeadingIsCarriedOnlyWhenItIsADegree() {
    assertThat(unitPositionWith(",\"headingDeg\":271.5").headingDeg()).isEqualTo(271.5);
    assertThat(unitPositionWith("").headingDeg()).isNull();
    // An impossible heading is dropped; the position itself is still good.
    DeviceEvent impossible = unitPositionWith(",\"headingDeg\":400");
    assertThat(impossible.headingDeg()).isNull();
    assertThat(impossible.lat()).isEqualTo(20.0);
    assertThat(unitPositionWith(",\"headingDeg\":-1").headingDeg()).isNull();
  }

  private DeviceEvent unitPositionWith(String extra) {
    return validate(
            "oscar/v1/unit/PCR-1/pos",
            "{\"seq\":1,\"ts\":" + NOW + ",\"lat\":20,\"lon\":85" + extra + "}")
        .value();
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
  void rejectsImpossibleCoordinatesOfAPosition() {
    assertThat(
            validate(
                    "oscar/v1/unit/PCR-1/pos",
                    "{\"seq\":1,\"ts\":" + NOW + ",\"lat\":91,\"lon\":85}")
                .reason())
        .isEqualTo(RejectReason.BAD_COORDINATE);
  }

  @Test
  void aPressWithoutAUsablePositionIsStillAPressAndSaysWhy() {
    String[][] cases = {
      {"{\"seq\":1,\"ts\":" + NOW + "}", "no coordinates in the press"},
      {"{\"seq\":2,\"ts\":" + NOW + ",\"fix\":false}", "no GPS fix"},
      {"{\"seq\":3,\"ts\":" + NOW + ",\"lat\":20.2,\"lon\":85.8,\"fix\":false}", "no GPS fix"},
      {
        "{\"seq\":4,\"ts\":" + NOW + ",\"lat\":91,\"lon\":85}",
        "coordinates out of range, discarded"
      },
      {"{\"seq\":5,\"ts\":" + NOW + ",\"lat\":20.2}", "no coordinates in the press"},
    };
    for (String[] c : cases) {
      var d = validate("oscar/v1/dev/SURV-1/sos", c[0]);
      assertThat(d.isOk()).as(c[0]).isTrue();
      assertThat(d.value().hasPosition()).as(c[0]).isFalse();
      assertThat(d.value().note()).as(c[0]).isEqualTo(c[1]);
    }
  }

  @Test
  void aPressAnAdapterCouldNotVerifySaysSo() {
    var d =
        validate(
            "oscar/v1/dev/SURV-1/sos",
            "{\"seq\":1,\"ts\":" + NOW + ",\"lat\":20.2,\"lon\":85.8,\"unverified\":true}");

    assertThat(d.value().hasPosition()).isTrue();
    assertThat(d.value().note()).isEqualTo("frame integrity unverified");
  }

  @Test
  void aPressFromADeviceWhoseClockIsFarAheadIsTakenAndSaysSo() {
    long future = NOW + 3_600_000;

    var d =
        validate(
            "oscar/v1/dev/SURV-1/sos",
            "{\"seq\":1,\"ts\":" + future + ",\"lat\":20.2,\"lon\":85.8}");

    assertThat(d.isOk()).isTrue();
    assertThat(d.value().note()).isEqualTo("device clock 3600 s ahead");
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

  @Test
  void checksTheCancelPinAndPassesOnOnlyTheOutcome() {
    assertThat(validate("oscar/v1/dev/SURV-1/cancel", cancel("1234")).value().cancel())
        .isEqualTo(CancelOutcome.VALID);
    assertThat(validate("oscar/v1/dev/SURV-1/cancel", cancel("9999")).value().cancel())
        .isEqualTo(CancelOutcome.DURESS);
    assertThat(validate("oscar/v1/dev/SURV-1/cancel", cancel("0000")).value().cancel())
        .isEqualTo(CancelOutcome.WRONG);
    assertThat(validate("oscar/v1/dev/SURV-NOPIN/cancel", cancel("1234")).value().cancel())
        .isEqualTo(CancelOutcome.WRONG);
    assertThat(validate("oscar/v1/dev/SURV-1/cancel", cancel("1234")).value().toString())
        .doesNotContain("1234");
  }

  @Test
  void acceptsAcksFromUnitsAndPositionsFromSurvivors() {
    DeviceEvent ack =
        validate(
                "oscar/v1/unit/PCR-1/ack",
                "{\"seq\":4,\"ts\":"
                    + NOW
                    + ",\"assignmentId\":\"A-1\",\"accept\":false,\"reason\":\"flat tyre\"}")
            .value();
    assertThat(ack.kind()).isEqualTo(EventKind.UNIT_ACK);
    assertThat(ack.ref()).isEqualTo("A-1");
    assertThat(ack.accept()).isFalse();
    assertThat(ack.note()).isEqualTo("flat tyre");

    DeviceEvent pos =
        validate(
                "oscar/v1/dev/SURV-1/pos",
                "{\"seq\":5,\"ts\":" + NOW + ",\"lat\":20.3,\"lon\":85.8}")
            .value();
    assertThat(pos.kind()).isEqualTo(EventKind.DEVICE_POSITION);
  }

  @Test
  void refusesAcksFromPanicDevicesAndCancelsFromUnits() {
    assertThat(validate("oscar/v1/dev/SURV-1/ack", "{}").reason())
        .isEqualTo(RejectReason.UNKNOWN_TOPIC);
    assertThat(validate("oscar/v1/unit/PCR-1/cancel", cancel("1234")).reason())
        .isEqualTo(RejectReason.UNKNOWN_TOPIC);
  }

  @Test
  void turnsLastWillsAndOnlineMessagesIntoPresence() {
    DeviceEvent offline = validate("oscar/v1/unit/PCR-1/online", "{\"online\":false}").value();
    assertThat(offline.kind()).isEqualTo(EventKind.PRESENCE);
    assertThat(offline.online()).isFalse();
    assertThat(validate("oscar/v1/dev/SURV-1/online", "{\"online\":true}").value().online())
        .isTrue();
    assertThat(validate("oscar/v1/dev/SURV-1/online", "{}").reason())
        .isEqualTo(RejectReason.MISSING_FIELD);
    assertThat(validate("oscar/v1/dev/SURV-1/online", "{\"online\":\"yes\"}").reason())
        .isEqualTo(RejectReason.BAD_FIELD);
  }

  private static String cancel(String pin) {
    return "{\"seq\":9,\"ts\":" + NOW + ",\"pin\":\"" + pin + "\"}";
  }
}
