package org.oscar.gateway.ais140;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.oscar.contract.codec.Json;
import org.oscar.contract.registry.DeviceRecord;
import org.oscar.contract.registry.DeviceRecord.DeviceStatus;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.contract.wire.SosPayload;
import org.oscar.contract.wire.UnitPositionPayload;

/** One tracker connection's rules, with the registry and the broker as in-memory fakes. */
class TrackerSessionTest {
  private static final String UNIT_IMEI = "861850060252399";
  private final Map<String, DeviceRecord> registry = new HashMap<>();
  private final List<Republish> published = new ArrayList<>();
  private final Map<FrameOutcome, Integer> counts = new EnumMap<>(FrameOutcome.class);
  private final List<String> shown = new ArrayList<>();
  private final AtomicLong now = new AtomicLong(1_000_000);
  private boolean brokerDown;
  private final TrackerSession session = newSession();

  TrackerSessionTest() {
    registry.put(Ais140Frames.IMEI, device("SURV-AIS-1", DeviceKind.PANIC, DeviceStatus.ACTIVE));
    registry.put(UNIT_IMEI, device("PCR-AIS-1", DeviceKind.POLICE, DeviceStatus.ACTIVE));
  }

  @Test
  void anEmergencyMessageBecomesThePressOfTheBoundDeviceAfterItComesOnline() {
    send(Ais140Frames.emergency().build());

    assertThat(published)
        .extracting(Republish::topic)
        .containsExactly("oscar/v1/dev/SURV-AIS-1/online", "oscar/v1/dev/SURV-AIS-1/sos");
    assertThat(published.get(0).retained()).isTrue();
    SosPayload sos = Json.fromBytes(published.get(1).payload(), SosPayload.class);
    assertThat(sos.lat()).isEqualTo(20.2961);
    assertThat(sos.lon()).isEqualTo(85.8245);
    assertThat(sos.seq()).isEqualTo(now.get()); // when it arrived: a stale fix repeats its GPS time
    assertThat(sos.ts()).isEqualTo(java.time.Instant.parse("2026-11-29T20:45:00Z").toEpochMilli());
    assertThat(sos.accM()).isNull();
    assertThat(published.get(1).qos()).isEqualTo(1);
    assertThat(counts).containsEntry(FrameOutcome.PUBLISHED, 1);
  }

  @Test
  void aPressFromTheLastKnownFixIsForwardedAsCoarse() {
    send(Ais140Frames.emergency().lastKnownFix().build());

    SosPayload sos = Json.fromBytes(published.get(1).payload(), SosPayload.class);
    assertThat(sos.accM()).isEqualTo(Ais140Translator.COARSE_ACCURACY_M);
  }

  @Test
  void anEmergencyWithNoFixBecomesAPressWithoutAPlace() {
    send(
        "$EPB,EMR," + Ais140Frames.IMEI + ",NM,29112026204500,V,000.000000,N,000.000000,E,0,0,0,G");

    SosPayload sos = Json.fromBytes(published.get(1).payload(), SosPayload.class);
    assertThat(published.get(1).topic()).isEqualTo("oscar/v1/dev/SURV-AIS-1/sos");
    assertThat(sos.lat()).isNull();
    assertThat(sos.lon()).isNull();
    assertThat(sos.fix()).isFalse();
    assertThat(counts).containsEntry(FrameOutcome.PUBLISHED_WITHOUT_POSITION, 1);
  }

  @Test
  void anEmergencyWhoseChecksumCannotBeVerifiedIsStillAPressAndSaysSo() {
    String body = "$EPB,EMR," + Ais140Frames.IMEI + ",NM,29112026204500,A,20.2961,N,85.8245,E";
    send(body + "*00");

    SosPayload sos = Json.fromBytes(published.get(1).payload(), SosPayload.class);
    assertThat(sos.lat()).isEqualTo(20.2961);
    assertThat(sos.unverified()).isTrue();
    assertThat(counts).containsEntry(FrameOutcome.PUBLISHED_UNVERIFIED, 1);
  }

  @Test
  void anEmergencyWithAnUnreadableDateIsTimedByItsArrival() {
    send(Ais140Frames.emergency().time("00000000000000").build());

    SosPayload sos = Json.fromBytes(published.get(1).payload(), SosPayload.class);
    assertThat(sos.ts()).isEqualTo(now.get());
  }

  @Test
  void theEmergencyAlertOfAPanicTrackersLocationPacketIsAPress() {
    send(
        Ais140Frames.withChecksum(
            "NRM,ACME,1.0,EA,10,L,"
                + Ais140Frames.IMEI
                + ",OD02,1,29112026,204510,20.27,N,85.84,E,0.0,90.0"));

    assertThat(published.get(1).topic()).isEqualTo("oscar/v1/dev/SURV-AIS-1/sos");
    assertThat(Json.fromBytes(published.get(1).payload(), SosPayload.class).lat()).isEqualTo(20.27);
  }

  @Test
  void anUnregisteredTrackersEmergencyIsShownToTheControlRoomNotDispatched() {
    String stranger = "111111111111111";

    send(Ais140Frames.emergency().imei(stranger).build());
    newSessionSend(stranger, "$EPB,EMR," + stranger + ",NM,29112026204500,V,0.0,N,0.0,E");
    newSessionSend(stranger, Ais140Frames.emergency().imei(stranger).stop().build());
    newSessionSend(stranger, Ais140Frames.location(stranger, "1", "20.27", "85.84"));

    assertThat(shown).containsExactly(stranger + " 20.2961 85.8245", stranger + " null null");
    assertThat(counts)
        .containsEntry(FrameOutcome.UNREGISTERED_EMERGENCY, 2)
        .containsEntry(FrameOutcome.UNKNOWN_DEVICE, 2);
    assertThat(published).isEmpty();
  }

  @Test
  void aBoardThatCannotBeWrittenLeavesTheEmergencyCountedAndTheConnectionServing() {
    TrackerSession failing =
        new TrackerSession(
            imei -> Optional.ofNullable(registry.get(imei)),
            (imei, lat, lon, at) -> {
              throw new IllegalStateException("redis down");
            },
            published::add,
            o -> counts.merge(o, 1, Integer::sum),
            Runnable::run,
            now::get);

    sendOn(failing, Ais140Frames.emergency().imei("111111111111111").build());
    sendOn(failing, Ais140Frames.emergency().imei("111111111111111").build());

    assertThat(counts)
        .containsEntry(FrameOutcome.UNKNOWN_DEVICE, 2)
        .doesNotContainKey(FrameOutcome.UNREGISTERED_EMERGENCY);
    assertThat(published).isEmpty();
  }

  @Test
  void aVehicleTrackerReportsAsAUnitWithSpeedAndHeading() {
    send(Ais140Frames.location(UNIT_IMEI, "1", "20.2700", "85.8400"));

    assertThat(published.get(1).topic()).isEqualTo("oscar/v1/unit/PCR-AIS-1/pos");
    UnitPositionPayload pos = Json.fromBytes(published.get(1).payload(), UnitPositionPayload.class);
    assertThat(pos.speedKmh()).isEqualTo(32.5);
    assertThat(pos.headingDeg()).isEqualTo(270.25);
  }

  @Test
  void refusesUnknownRevokedAndWrongClassDevicesAndPositionsWithoutFix() {
    registry.put("999999999999999", device("GONE", DeviceKind.PANIC, DeviceStatus.REVOKED));

    send(Ais140Frames.emergency().imei("111111111111111").build());
    newSessionSend("999999999999999", Ais140Frames.emergency().imei("999999999999999").build());
    newSessionSend(UNIT_IMEI, Ais140Frames.emergency().imei(UNIT_IMEI).build());
    newSessionSend(UNIT_IMEI, Ais140Frames.location(UNIT_IMEI, "0", "20.27", "85.84"));

    assertThat(counts)
        .containsEntry(FrameOutcome.UNREGISTERED_EMERGENCY, 1)
        .containsEntry(FrameOutcome.REVOKED_DEVICE, 1)
        .containsEntry(FrameOutcome.WRONG_DEVICE_CLASS, 1)
        .containsEntry(FrameOutcome.NO_FIX, 1)
        .doesNotContainKey(FrameOutcome.PUBLISHED);
    assertThat(published).extracting(Republish::topic).noneMatch(t -> t.endsWith("/sos"));
  }

  @Test
  void aConnectionBoundToOneTrackerCannotSpeakForAnother() {
    send(Ais140Frames.emergency().build());
    send(Ais140Frames.location(UNIT_IMEI, "1", "20.27", "85.84"));

    assertThat(counts).containsEntry(FrameOutcome.IMEI_MISMATCH, 1);
    assertThat(published).extracting(Republish::topic).noneMatch(t -> t.contains("PCR-AIS-1"));
  }

  @Test
  void survivesGarbageAndAnOverlongLineAndStillForwardsTheNextPress() {
    session.onBytes(new byte[] {0, (byte) 0xff, (byte) 0xfe, '\n'});
    session.onBytes("$EPB,EMR,garbage\n".getBytes(StandardCharsets.UTF_8));
    session.onBytes("x".repeat(10_000).getBytes(StandardCharsets.UTF_8));
    session.onBytes("still the same line\n".getBytes(StandardCharsets.UTF_8));
    send(Ais140Frames.emergency().build());

    assertThat(counts)
        .containsEntry(FrameOutcome.NOT_A_FRAME, 1)
        .containsEntry(FrameOutcome.BAD_FIELD, 1)
        .containsEntry(FrameOutcome.TOO_LONG, 1)
        .containsEntry(FrameOutcome.PUBLISHED, 1);
  }

  @Test
  void aFloodOfPositionsIsCappedWithoutStarvingThePress() {
    for (int i = 0; i < 1000; i++) {
      send(Ais140Frames.location(UNIT_IMEI, "1", "20.27", "85.84"));
    }
    TrackerSession survivor = newSession();
    for (int i = 0; i < 1000; i++) {
      sendOn(survivor, Ais140Frames.emergency().build());
    }

    assertThat(counts.get(FrameOutcome.RATE_LIMITED)).isGreaterThan(1900);
    assertThat(published).extracting(Republish::topic).contains("oscar/v1/dev/SURV-AIS-1/sos");
  }

  @Test
  void aDeviceRevokedWhileConnectedIsRefusedOnceTheRegistryIsAskedAgain() {
    send(Ais140Frames.emergency().build());
    registry.put(Ais140Frames.IMEI, device("SURV-AIS-1", DeviceKind.PANIC, DeviceStatus.REVOKED));

    now.addAndGet(TrackerSession.REGISTRY_TTL_MS);
    send(Ais140Frames.emergency().time("29112026204600").build());

    assertThat(counts).containsEntry(FrameOutcome.REVOKED_DEVICE, 1);
  }

  @Test
  void goesOfflineWhenTheConnectionClosesAndCountsWhatTheBrokerDidNotTake() {
    send(Ais140Frames.emergency().build());
    session.onClosed();
    brokerDown = true;
    TrackerSession other = newSession();
    sendOn(other, Ais140Frames.location(UNIT_IMEI, "1", "20.27", "85.84"));

    assertThat(published)
        .last()
        .satisfies(
            m -> {
              assertThat(m.topic()).isEqualTo("oscar/v1/dev/SURV-AIS-1/online");
              assertThat(new String(m.payload(), StandardCharsets.UTF_8))
                  .isEqualTo("{\"online\":false}");
            });
    assertThat(counts).containsEntry(FrameOutcome.PUBLISH_FAILED, 1);
  }

  private void send(String frame) {
    sendOn(session, frame);
  }

  private void newSessionSend(String imei, String frame) {
    sendOn(newSession(), frame);
  }

  private TrackerSession newSession() {
    return new TrackerSession(
        imei -> Optional.ofNullable(registry.get(imei)),
        (imei, lat, lon, at) -> shown.add(imei + " " + lat + " " + lon),
        m -> {
          if (brokerDown) {
            throw new IllegalStateException("broker down");
          }
          published.add(m);
        },
        o -> counts.merge(o, 1, Integer::sum),
        Runnable::run,
        now::get);
  }

  private static void sendOn(TrackerSession s, String frame) {
    s.onBytes((frame + "\r\n").getBytes(StandardCharsets.UTF_8));
  }

  private static DeviceRecord device(String id, DeviceKind kind, DeviceStatus status) {
    return new DeviceRecord(id, kind, "bbsr", status, 0, null, null);
  }
}
