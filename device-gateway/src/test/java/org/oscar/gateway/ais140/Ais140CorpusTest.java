package org.oscar.gateway.ais140;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.oscar.contract.registry.DeviceRecord;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.gateway.ais140.FrameIntegrity.Status;

/**
 * Frames real AIS-140 trackers sent (src/test/resources/ais140/corpus.tsv, with provenance), one
 * test per vendor form in the style of a protocol decoder's frame tests: the decoded fields are
 * checked. The last test holds every frame of the corpus to what the adapter does with it.
 */
class Ais140CorpusTest {
  private static final Map<String, String[]> CORPUS = Ais140Corpus.rows();

  private static String frame(String id) {
    return CORPUS.get(id)[5];
  }

  private static Ais140Frame.Location location(String id) {
    return (Ais140Frame.Location) Ais140Parser.parse(frame(id)).frame();
  }

  private static Ais140Frame.Emergency emergency(String id) {
    return (Ais140Frame.Emergency) Ais140Parser.parse(frame(id)).frame();
  }

  private static long utc(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  @Test
  void roadrpaNormalPacketWithItsCrc32GluedToTheStar() {
    var l = location("TR08");

    assertThat(l.imei()).isEqualTo("869867036940288");
    assertThat(l.packetType()).isEqualTo("NR");
    assertThat(l.ts()).isEqualTo(utc("2020-01-04T09:49:01Z"));
    assertThat(l.lat()).isEqualTo(23.18731933);
    assertThat(l.lon()).isEqualTo(77.45079633);
    assertThat(l.integrity()).isEqualTo(Status.VERIFIED);
  }

  @Test
  void roadrpaEmergencyWithNoFixIsAnEmergencyWithoutAPlace() {
    var e = emergency("TR16");

    assertThat(e.imei()).isEqualTo("869867036066035");
    assertThat(e.stop()).isFalse();
    assertThat(e.positionKnown()).isFalse();
    assertThat(e.ts()).isEqualTo(utc("2019-04-03T19:20:08Z"));
    assertThat(e.integrity()).isEqualTo(Status.VERIFIED);
  }

  @Test
  void roadrpaCrc32WithoutAStarStillVerifies() {
    assertThat(location("TR19").integrity()).isEqualTo(Status.VERIFIED);
    assertThat(location("TR19").speedKmh()).isEqualTo(7.6);
  }

  @Test
  void ctplChecksumBeforeAStarFollowedByMoreFields() {
    var l = location("TR02");

    assertThat(l.imei()).isEqualTo("869247045166383");
    assertThat(l.lat()).isEqualTo(30.452524);
    assertThat(l.lon()).isEqualTo(77.610351);
    assertThat(l.ts()).isEqualTo(utc("2020-03-12T14:44:53Z"));
    assertThat(l.integrity()).isEqualTo(Status.VERIFIED);
  }

  @Test
  void commaAfterTheDollarEmergencyAndItsStopWithNoChecksum() {
    var press = emergency("TR04");
    var stop = emergency("TR03");

    assertThat(press.stop()).isFalse();
    assertThat(press.ts()).isEqualTo(utc("2020-07-14T11:15:20Z"));
    assertThat(press.lat()).isEqualTo(28.359959);
    assertThat(press.lon()).isEqualTo(76.927553);
    assertThat(press.integrity()).isEqualTo(Status.ABSENT);
    assertThat(stop.stop()).isTrue();
  }

  @Test
  void rlpFixFlagAfterTheDateAndNaPlaceholders() {
    var l = location("TR05");

    assertThat(l.imei()).isEqualTo("861359032310722");
    assertThat(l.fixValid()).isTrue();
    assertThat(l.ts()).isEqualTo(utc("2020-07-14T18:01:50Z"));
    assertThat(l.lon()).isEqualTo(78.06098);
    assertThat(l.headingDeg()).isEqualTo(119.3);
    assertThat(l.integrity()).isEqualTo(Status.VERIFIED);
  }

  @Test
  void gpsboxWithoutAlertIdSixDigitDateAndHistoryFlag() {
    var l = location("TR12");

    assertThat(l.imei()).isEqualTo("868997035844834");
    assertThat(l.history()).isTrue();
    assertThat(l.ts()).isEqualTo(utc("2019-05-22T03:54:19Z"));
    assertThat(l.lat()).isEqualTo(28.6291409);
    assertThat(l.integrity()).isEqualTo(Status.UNVERIFIED);
  }

  @Test
  void itriangleAndTeltonikaPacketsAndEmergencies() {
    var tel = location("TR14");
    var emr = emergency("TR31");
    var stored = emergency("TR32");

    assertThat(tel.imei()).isEqualTo("352093085223096");
    assertThat(tel.ts()).isEqualTo(utc("2018-12-24T05:57:49Z"));
    assertThat(tel.integrity()).isEqualTo(Status.VERIFIED);
    assertThat(emr.imei()).isEqualTo("861693034634154");
    assertThat(emr.ts()).isEqualTo(utc("2017-11-09T15:51:33Z"));
    assertThat(emr.lat()).isEqualTo(12.976495);
    assertThat(stored.stored()).isTrue();
    assertThat(stored.integrity()).isEqualTo(Status.VERIFIED);
  }

  @Test
  void xyzDateAndTimeSplitOverSixFieldsAndCrc32Mpeg2WithoutAStar() {
    var l = location("TR20");

    assertThat(l.packetType()).isEqualTo("TA");
    assertThat(l.ts()).isEqualTo(utc("2019-02-20T10:59:13Z"));
    assertThat(l.lat()).isEqualTo(23.48263);
    assertThat(l.lon()).isEqualTo(86.399673);
    assertThat(l.integrity()).isEqualTo(Status.VERIFIED);
  }

  @Test
  void xyzStoredEmergencyWithAZeroDateAndNoFix() {
    var e = emergency("TR28");

    assertThat(e.imei()).isEqualTo("861359034100626");
    assertThat(e.stored()).isTrue();
    assertThat(e.ts()).isZero();
    assertThat(e.positionKnown()).isFalse();
  }

  @Test
  void satChecksumThenCommaStar() {
    var l = location("TR11");

    assertThat(l.imei()).isEqualTo("868345034056903");
    assertThat(l.ts()).isEqualTo(utc("2019-05-27T04:02:34Z"));
    assertThat(l.lat()).isEqualTo(28.359895);
  }

  @Test
  void atlEmergencyAlertInAHistoryLocationPacket() {
    var l = location("TR17");

    assertThat(l.emergencyAlert()).isTrue();
    assertThat(l.history()).isTrue();
    assertThat(l.lat()).isEqualTo(28.533699);
    assertThat(l.integrity()).isEqualTo(Status.ABSENT);
  }

  @Test
  void chvtsPacketTypeDt() {
    var l = location("TR22");

    assertThat(l.packetType()).isEqualTo("DT");
    assertThat(l.ts()).isEqualTo(utc("2019-02-05T07:12:25Z"));
    assertThat(l.lon()).isEqualTo(73.736088);
  }

  @Test
  void mfrStarFollowedByASpace() {
    var l = location("IS01");

    assertThat(l.imei()).isEqualTo("869026034780985");
    assertThat(l.lat()).isEqualTo(12.756974);
    assertThat(l.integrity()).isEqualTo(Status.ABSENT);
  }

  @Test
  void markNormalPacket() {
    var l = location("FK02");

    assertThat(l.imei()).isEqualTo("358980100040246");
    assertThat(l.ts()).isEqualTo(utc("2021-03-10T07:32:39Z"));
    assertThat(l.lon()).isEqualTo(71.509872);
  }

  @Test
  void hpspPacketAndEmergencyWithTheChecksumAfterTheStar() {
    assertThat(location("SK04").integrity()).isEqualTo(Status.VERIFIED);
    var e = emergency("SK05");
    assertThat(e.integrity()).isEqualTo(Status.VERIFIED);
    assertThat(e.ts()).isEqualTo(utc("2025-10-24T05:11:28Z"));
  }

  @Test
  void gemEmergencyWithDateAndTimeInTwoFields() {
    var e = emergency("SK01");

    assertThat(e.ts()).isEqualTo(utc("2024-09-29T14:23:15Z"));
    assertThat(e.lat()).isEqualTo(26.134428);
    assertThat(e.integrity()).isEqualTo(Status.VERIFIED);
  }

  @Test
  void shortEmergencyWithoutDistance() {
    var e = emergency("SK02");

    assertThat(e.imei()).isEqualTo("861850060252398");
    assertThat(e.lon()).isEqualTo(77.032699);
    assertThat(e.networkFix()).isFalse();
  }

  @Test
  void istartrackerEmergencyWithTheVendorBeforeEmr() {
    var e = emergency("KN03");

    assertThat(e.imei()).isEqualTo("867458047932167");
    assertThat(e.ts()).isEqualTo(utc("2020-01-02T06:26:50Z"));
    assertThat(e.lon()).isEqualTo(114.046198);
  }

  @Test
  void tntNormalPacketUnderTheEmergencyHeaderAndItsZeroPaddedEmergency() {
    var l = location("TN04");
    var e = emergency("TN07");

    assertThat(l.ts()).isEqualTo(utc("2018-09-01T11:26:53Z"));
    assertThat(l.integrity()).isEqualTo(Status.VERIFIED);
    assertThat(e.lat()).isEqualTo(28.451448);
    assertThat(e.lon()).isEqualTo(77.071343);
  }

  @Test
  void hdrSixteenBitSum() {
    var l = location("HD01");

    assertThat(l.imei()).isEqualTo("869867038141406");
    assertThat(l.integrity()).isEqualTo(Status.VERIFIED);
  }

  @Test
  void otsiTwelveDigitDateAndNmeaDegreesAndMinutes() {
    var e = emergency("OT01");

    assertThat(e.ts()).isEqualTo(utc("2019-03-06T12:23:25Z"));
    assertThat(e.lat()).isCloseTo(17 + 25.1747 / 60, within(1e-9));
    assertThat(e.lon()).isCloseTo(78 + 24.0597 / 60, within(1e-9));
  }

  @Test
  void ontcNormalPacketWithDashPlaceholders() {
    var l = location("ON02");

    assertThat(l.ts()).isEqualTo(utc("2024-04-29T17:00:00Z"));
    assertThat(l.lat()).isEqualTo(28.6084);
  }

  @Test
  void manualAndSopEmergencyExamples() {
    assertThat(emergency("AP05").lat()).isEqualTo(28.651663);
    assertThat(emergency("AP06").stop()).isTrue();
    assertThat(emergency("MH01").ts()).isEqualTo(utc("2019-05-11T10:43:31Z"));
  }

  /**
   * What becomes of every frame, from a registered panic device (SOS, POS, or the reason) and from
   * a unit's tracker. Each expectation was read off the frame by hand (docs/ais140.md has the
   * table); a change here is a change of what the adapter forwards.
   */
  @Test
  void everyFrameOfTheCorpusIsForwardedOrStoppedForAStatedReason() {
    Map<String, String> expected = new TreeMap<>();
    // Emergencies: every EMR that is not a stop, and the EA alert of a panic device's tracker.
    for (String id :
        new String[] {
          "TR04", "TR16", "TR17", "TR18", "TR28", "TR31", "TR32", "SK01", "SK02", "SK05", "KN03",
          "TN07", "OT01", "AP05", "MH01"
        }) {
      expected.put(id, "SOS");
    }
    for (String id : new String[] {"TR03", "SK03", "AP06"}) {
      expected.put(id, "stop_not_a_cancel");
    }
    for (String id :
        new String[] {
          "TR01", "TR36", "FK01", "KN01", "KN02", "TN01", "TN08", "TN09", "ON01", "MH02", "OT05"
        }) {
      expected.put(id, "ignored");
    }
    for (String id :
        new String[] {"TR26", "TR27", "HD06", "OT03", "OT04", "AP01", "AP03", "AP04", "AP07"}) {
      expected.put(id, "unsupported_packet");
    }
    for (String id : new String[] {"TR09", "TR29", "TR30", "AP02"}) {
      expected.put(id, "no_fix");
    }
    for (String id : CORPUS.keySet()) {
      expected.putIfAbsent(id, "POS");
    }
    DeviceRecord panic =
        new DeviceRecord(
            "SURV-1", DeviceKind.PANIC, "khordha", DeviceRecord.DeviceStatus.ACTIVE, 0, null, null);

    Map<String, String> actual = new TreeMap<>();
    for (String id : CORPUS.keySet()) {
      ParsedLine parsed = Ais140Parser.parse(frame(id));
      if (!parsed.hasFrame()) {
        actual.put(id, parsed.outcome().label());
        continue;
      }
      var t = Ais140Translator.translate(parsed.frame(), panic, 1_800_000_000_000L);
      actual.put(
          id,
          t.message() == null
              ? t.outcome().label()
              : t.message().topic().endsWith("/sos") ? "SOS" : "POS");
    }

    assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
  }
}
