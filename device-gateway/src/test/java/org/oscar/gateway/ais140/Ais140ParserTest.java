package org.oscar.gateway.ais140;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Ais140ParserTest {
  private static final long AT_2045 = Instant.parse("2026-11-29T20:45:00Z").toEpochMilli();

  @Test
  void readsAnEmergencyMessageWithItsChecksum() {
    // Checksum worked out independently of the parser (XOR of the body, in Python).
    String frame =
        "$EPB,EMR,861850060252398,NM,29112026204500,A,20.296100,N,85.824500,E,45,0.0,0,G,OD02AB1234,NA*04";

    ParsedLine parsed = Ais140Parser.parse(frame + "\r");

    assertThat(parsed.frame())
        .isEqualTo(
            new Ais140Frame.Emergency(
                "861850060252398",
                false,
                false,
                AT_2045,
                true,
                false,
                true,
                20.2961,
                85.8245,
                0.0,
                FrameIntegrity.Status.VERIFIED));
  }

  @Test
  void takesAFrameWithoutChecksumAndTheCommaAfterTheDollarSomeFirmwaresSend() {
    String body = "EPB,EMR,861850060252398,NM,29112026204500,A,20.2961,N,85.8245,E";

    assertThat(Ais140Parser.parse("$" + body + "*").hasFrame()).isTrue();
    assertThat(Ais140Parser.parse("$" + body).hasFrame()).isTrue();
    assertThat(Ais140Parser.parse("$," + body + "*").frame().imei()).isEqualTo("861850060252398");
  }

  @Test
  void signsCoordinatesBySouthAndWest() {
    Ais140Frame f =
        Ais140Parser.parse(Ais140Frames.emergency().at("33.8688", "S", "151.2093", "W").build())
            .frame();

    assertThat(f.lat()).isEqualTo(-33.8688);
    assertThat(f.lon()).isEqualTo(-151.2093);
  }

  @Test
  void readsTheStopMessageAndAFixThatIsOnlyTheLastKnownOne() {
    var stop =
        (Ais140Frame.Emergency) Ais140Parser.parse(Ais140Frames.emergency().stop().build()).frame();
    var stale =
        (Ais140Frame.Emergency)
            Ais140Parser.parse(Ais140Frames.emergency().lastKnownFix().networkFix().build())
                .frame();

    assertThat(stop.stop()).isTrue();
    assertThat(stale.fixValid()).isFalse();
    assertThat(stale.networkFix()).isTrue();
  }

  @Test
  void readsALocationPacketWithSpeedAndHeading() {
    ParsedLine parsed =
        Ais140Parser.parse(Ais140Frames.location("861850060252399", "1", "20.2700", "85.8400"));

    assertThat(parsed.frame())
        .isEqualTo(
            new Ais140Frame.Location(
                "861850060252399",
                "NR",
                false,
                Instant.parse("2026-11-29T20:45:10Z").toEpochMilli(),
                true,
                20.27,
                85.84,
                32.5,
                270.25,
                FrameIntegrity.Status.VERIFIED));
  }

  @Test
  void ignoresLoginAndHealthPackets() {
    assertThat(
            Ais140Parser.parse("$LGN,OD02AB1234,861850060252398,1.0.2,20.29,N,85.82,E*").outcome())
        .isEqualTo(FrameOutcome.IGNORED);
    assertThat(
            Ais140Parser.parse("$HLM,ACME,1.0.2,861850060252398,85,20,5,60,60,0000,0*").outcome())
        .isEqualTo(FrameOutcome.IGNORED);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "hello | NOT_A_FRAME",
        "$ | UNSUPPORTED_PACKET",
        "$XYZ,1,2,3 | UNSUPPORTED_PACKET",
        "$EPB,EMR,86185006025239X,NM,29112026204500,A,20.2961,N,85.8245,E | BAD_FIELD",
        "$EPB,EMR,NM,29112026204500,A,20.2961,N,85.8245,E | BAD_FIELD",
        "$EPB,XXX,861850060252398,NM,29112026204500,A,20.2961,N,85.8245,E | BAD_FIELD",
        "$NRM,ACME,1.0,NR,01,L,8618500602523,OD02,1,29112026,204510,20.27,N,85.84,E | BAD_FIELD",
        "$NRM,ACME,1.0,NR,01,L,861850060252399,OD02,1,29112026,204510,20.27,N | MISSING_FIELD",
        "$NRM,ACME,1.0,NR,01,L,861850060252399,OD02,1,29112026,204510,0.0,N,0.0,E | BAD_COORDINATE",
        "$NRM,ACME,1.0,NR,01,L,861850060252399,OD02,1,29112026,204510,91.0,N,85.84,E | BAD_COORDINATE",
        "$NRM,ACME,1.0,NR,01,L,861850060252399,OD02,1,31022026,204510,20.27,N,85.84,E | BAD_FIELD",
      })
  void refusesWhatItCannotReadWithTheReason(String line, FrameOutcome expected) {
    ParsedLine parsed = Ais140Parser.parse(line);

    assertThat(parsed.hasFrame()).isFalse();
    assertThat(parsed.outcome()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "$EPB,EMR,861850060252398,NM,29112026204500,V,0.0,N,0.0,E",
        "$EPB,EMR,861850060252398,NM,29112026204500,A,NaN,N,85.8245,E",
        "$EPB,EMR,861850060252398,NM,29112026204500,A,-20.2961,N,85.8245,E",
        "$EPB,EMR,861850060252398,NM,29112026204500,A,1e1,N,85.8245,E",
        "$EPB,EMR,861850060252398,NM,29112026204500,A,20.2961,Q,85.8245,E",
        "$EPB,EMR,861850060252398,NM,29112026204500,A,91.0,N,85.8245,E",
        "$EPB,EMR,861850060252398,NM,29112026204500,A,20.2961,N,180.5,E",
        "$EPB,EMR,861850060252398,NM,29112026204500,A,20.2961,N",
        "$EPB,EMR,861850060252398",
      })
  void anEmergencyWithNoReadablePlaceIsStillAnEmergency(String line) {
    var e = (Ais140Frame.Emergency) Ais140Parser.parse(line).frame();

    assertThat(e.imei()).isEqualTo("861850060252398");
    assertThat(e.stop()).isFalse();
    assertThat(e.positionKnown()).isFalse();
    assertThat(e.fixValid()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"31022026204500", "2911202620450", "00000000000000"})
  void anEmergencyWithAnUnreadableDateIsTimedByItsArrival(String dateTime) {
    var e =
        (Ais140Frame.Emergency)
            Ais140Parser.parse(Ais140Frames.emergency().time(dateTime).build()).frame();

    assertThat(e.ts()).isZero();
    assertThat(e.positionKnown()).isTrue();
  }

  @Test
  void aChecksumThatMatchesNoKnownFormNeverStopsAFrame() {
    String body = "$EPB,EMR,861850060252398,NM,29112026204500,A,20.2961,N,85.8245,E";

    assertThat(Ais140Parser.parse(body + "*00").frame().integrity())
        .isEqualTo(FrameIntegrity.Status.UNVERIFIED);
    assertThat(Ais140Parser.parse(body + "*1A2B").frame().integrity())
        .isEqualTo(FrameIntegrity.Status.UNVERIFIED);
    assertThat(Ais140Parser.parse(body + "*1A2B3C4D").frame().integrity())
        .isEqualTo(FrameIntegrity.Status.UNVERIFIED);
    assertThat(Ais140Parser.parse(body + "*,extra,fields").frame().integrity())
        .isEqualTo(FrameIntegrity.Status.ABSENT);
    assertThat(Ais140Parser.parse(body + "*zz").frame().integrity())
        .isEqualTo(FrameIntegrity.Status.UNVERIFIED);
    assertThat(Ais140Parser.parse(body).frame().integrity())
        .isEqualTo(FrameIntegrity.Status.ABSENT);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "$NRM,ACME,1.0,EA,10,L,861850060252398,OD02,1,29112026,204510,0.0,N,0.0,E",
        "$NRM,ACME,1.0,EA,10,L,861850060252398,OD02,1,29112026,204510,95.0,N,85.84,E",
        "$NRM,ACME,1.0,EA,10,L,861850060252398,OD02,1,29112026,204510,20.27,N",
        "$NRM,ACME,1.0,EA,10,L,861850060252398,OD02,1,00000000,000000,20.27,N,85.84,E",
      })
  void anEmergencyAlertInALocationPacketIsNeverRefusedForItsForm(String line) {
    var l = (Ais140Frame.Location) Ais140Parser.parse(line).frame();

    assertThat(l.emergencyAlert()).isTrue();
    assertThat(l.imei()).isEqualTo("861850060252398");
  }

  @Test
  void textThatIsNotSingleByteIsNoFrameAndNeverAnException() {
    String emoji = new String(Character.toChars(0x1F600));
    String frame =
        "$EPB,EMR,861850060252398,NM,29112026204500,A,20.2961,N,85.8245,E," + emoji + ",AB*";

    assertThat(Ais140Parser.parse(frame).outcome()).isEqualTo(FrameOutcome.NOT_A_FRAME);
  }

  @Test
  void unreadableTrailingFieldsOfAPositionAreLeftOutNotRefused() {
    String frame =
        "$NRM,ACME,1.0,NR,01,L,861850060252399,N.A,1,29112026,204510,20.27,N,85.84,E,N.A,x,(),*";

    var l = (Ais140Frame.Location) Ais140Parser.parse(frame).frame();

    assertThat(l.lat()).isEqualTo(20.27);
    assertThat(l.speedKmh()).isNull();
    assertThat(l.headingDeg()).isNull();
  }

  @Test
  void refusesAFrameOverTheLengthLimit() {
    String huge = "$EPB," + "9".repeat(Ais140Parser.MAX_FRAME_CHARS);

    assertThat(Ais140Parser.parse(huge).outcome()).isEqualTo(FrameOutcome.TOO_LONG);
  }
}
