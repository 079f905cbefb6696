package org.oscar.contract.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oscar.contract.wire.SosPayload;
import org.oscar.contract.wire.UnitStatus;

class PayloadDecoderTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void decodesAPressWithOptionalFieldsAndIgnoresUnknownOnes() {
    Decoded<SosPayload> d =
        PayloadDecoder.sos(
            utf8("{\"seq\":5,\"ts\":1700,\"lat\":20.1,\"lon\":85.2,\"accM\":12.5,\"fw\":\"2.1\"}"));

    assertThat(d.isOk()).isTrue();
    assertThat(d.value().seq()).isEqualTo(5);
    assertThat(d.value().accM()).isEqualTo(12.5);
    assertThat(d.value().injured()).isNull();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "not json at all | NOT_JSON",
        "[1,2,3] | NOT_JSON",
        "{\"ts\":2,\"lat\":20,\"lon\":85} | MISSING_FIELD",
        "{\"seq\":1,\"lat\":20,\"lon\":85} | MISSING_FIELD",
        "{\"seq\":1,\"ts\":2,\"fix\":\"no\"} | BAD_FIELD",
        "{\"seq\":1,\"ts\":2,\"lat\":\"20.1\",\"lon\":85} | BAD_FIELD",
        "{\"seq\":1.5,\"ts\":2,\"lat\":20.1,\"lon\":85} | BAD_FIELD",
        "{\"seq\":-1,\"ts\":2,\"lat\":20.1,\"lon\":85} | BAD_FIELD",
        "{\"seq\":1,\"ts\":2,\"lat\":20.1,\"lon\":85,\"injured\":\"yes\"} | BAD_FIELD",
        "{\"seq\":1,\"ts\":2,\"lat\":20,\"lon\":85} trailing | NOT_JSON",
        "{\"seq\":1,\"ts\":2,\"lat\":20,\"lon\":85,\"injured\":1} | BAD_FIELD",
        "{\"seq\":\"1\",\"ts\":2,\"lat\":20,\"lon\":85} | BAD_FIELD",
      })
  void rejectsPressesThatBreakTheContract(String payload, RejectReason reason) {
    assertThat(PayloadDecoder.sos(utf8(payload)).reason()).isEqualTo(reason);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"seq\":1,\"ts\":2} | no coordinates in the press",
        "{\"seq\":1,\"ts\":2,\"lat\":20} | no coordinates in the press",
        "{\"seq\":1,\"ts\":2,\"lat\":20.1,\"lon\":85,\"fix\":false} | no GPS fix",
        "{\"seq\":1,\"ts\":2,\"lat\":-90.5,\"lon\":85} | coordinates out of range, discarded",
        "{\"seq\":1,\"ts\":2,\"lat\":20,\"lon\":180.01} | coordinates out of range, discarded",
        "{\"seq\":1,\"ts\":2,\"lat\":0,\"lon\":0} | 0,0: what a device sends without a fix",
      })
  void aPressWithoutAUsablePositionIsStillAPressThatSaysWhy(String payload, String why) {
    Decoded<SosPayload> d = PayloadDecoder.sos(utf8(payload));

    assertThat(d.isOk()).isTrue();
    assertThat(PayloadDecoder.positionProblem(d.value())).isEqualTo(why);
  }

  @Test
  void aPositionReportOfZeroZeroPlacesNobodyThere() {
    assertThat(
            PayloadDecoder.devicePosition(utf8("{\"seq\":1,\"ts\":2,\"lat\":0,\"lon\":0}"))
                .reason())
        .isEqualTo(RejectReason.BAD_COORDINATE);
    assertThat(
            PayloadDecoder.unitPosition(utf8("{\"seq\":1,\"ts\":2,\"lat\":0.0,\"lon\":0}"))
                .reason())
        .isEqualTo(RejectReason.BAD_COORDINATE);
    assertThat(
            PayloadDecoder.unitPosition(utf8("{\"seq\":1,\"ts\":2,\"lat\":0,\"lon\":85}")).isOk())
        .isTrue();
  }

  @Test
  void aPressWithAPositionHasNoPositionProblem() {
    Decoded<SosPayload> d =
        PayloadDecoder.sos(utf8("{\"seq\":1,\"ts\":2,\"lat\":20.1,\"lon\":85,\"fix\":true}"));

    assertThat(PayloadDecoder.positionProblem(d.value())).isNull();
  }

  @Test
  void rejectsPayloadsOverFourKibibytes() {
    String big = "{\"seq\":1,\"ts\":2,\"lat\":20,\"lon\":85,\"pad\":\"" + "x".repeat(4100) + "\"}";

    Decoded<SosPayload> d = PayloadDecoder.sos(utf8(big));

    assertThat(d.reason()).isEqualTo(RejectReason.TOO_LARGE);
  }

  @Test
  void rejectsAnEmptyPayload() {
    assertThat(PayloadDecoder.sos(new byte[0]).reason()).isEqualTo(RejectReason.NOT_JSON);
  }

  @Test
  void decodesUnitStatusAndRejectsAnUnknownStatus() {
    assertThat(
            PayloadDecoder.unitStatus(utf8("{\"seq\":1,\"ts\":2,\"status\":\"EN_ROUTE\"}"))
                .value()
                .status())
        .isEqualTo(UnitStatus.EN_ROUTE);
    assertThat(
            PayloadDecoder.unitStatus(utf8("{\"seq\":1,\"ts\":2,\"status\":\"NAPPING\"}")).reason())
        .isEqualTo(RejectReason.BAD_FIELD);
    assertThat(PayloadDecoder.unitStatus(utf8("{\"seq\":1,\"ts\":2}")).reason())
        .isEqualTo(RejectReason.MISSING_FIELD);
  }

  @Test
  void neverEchoesThePayloadInTheRejectionDetail() {
    Decoded<SosPayload> d =
        PayloadDecoder.sos(utf8("{\"seq\":1,\"ts\":2,\"lat\":\"20.123456\",\"lon\":85}"));

    assertThat(d.detail()).doesNotContain("20.123456");
  }

  @Test
  void decodesAcksAndRefusesOnesWithoutTheirDecision() {
    assertThat(
            PayloadDecoder.ack(
                    utf8(
                        "{\"seq\":1,\"ts\":2,\"assignmentId\":\"A-1\",\"accept\":false,\"reason\":\"tyre\"}"))
                .value()
                .accept())
        .isFalse();
    assertThat(PayloadDecoder.ack(utf8("{\"seq\":1,\"ts\":2,\"assignmentId\":\"A-1\"}")).reason())
        .isEqualTo(RejectReason.MISSING_FIELD);
    assertThat(PayloadDecoder.ack(utf8("{\"seq\":1,\"ts\":2,\"accept\":true}")).reason())
        .isEqualTo(RejectReason.MISSING_FIELD);
  }

  @Test
  void decodesCancelsAndRefusesAbsurdPins() {
    assertThat(PayloadDecoder.cancel(utf8("{\"seq\":1,\"ts\":2,\"pin\":\"4321\"}")).isOk())
        .isTrue();
    assertThat(PayloadDecoder.cancel(utf8("{\"seq\":1,\"ts\":2}")).reason())
        .isEqualTo(RejectReason.MISSING_FIELD);
    assertThat(PayloadDecoder.cancel(utf8("{\"seq\":1,\"ts\":2,\"pin\":\"\"}")).reason())
        .isEqualTo(RejectReason.BAD_FIELD);
    assertThat(PayloadDecoder.cancel(utf8("{\"seq\":1,\"ts\":2,\"pin\":1234}")).reason())
        .isEqualTo(RejectReason.BAD_FIELD);
  }

  @Test
  void decodesSurvivorPositions() {
    assertThat(
            PayloadDecoder.devicePosition(
                    utf8("{\"seq\":9,\"ts\":2,\"lat\":20.3,\"lon\":85.8,\"accM\":30}"))
                .value()
                .accM())
        .isEqualTo(30.0);
    assertThat(
            PayloadDecoder.devicePosition(utf8("{\"seq\":9,\"ts\":2,\"lat\":200,\"lon\":85.8}"))
                .reason())
        .isEqualTo(RejectReason.BAD_COORDINATE);
  }
}
