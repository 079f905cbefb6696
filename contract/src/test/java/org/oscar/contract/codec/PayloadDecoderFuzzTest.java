package org.oscar.contract.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.oscar.contract.wire.SosPayload;
import org.oscar.contract.wire.UnitPositionPayload;

/**
 * Property-based fuzzing of every payload decoder: whatever bytes arrive, no exception escapes, a
 * refusal always names its reason, and what is accepted is within the contract.
 */
class PayloadDecoderFuzzTest {
  private static final List<Function<byte[], Decoded<?>>> DECODERS =
      List.of(
          PayloadDecoder::sos,
          PayloadDecoder::unitPosition,
          PayloadDecoder::unitStatus,
          PayloadDecoder::devicePosition,
          PayloadDecoder::cancel,
          PayloadDecoder::ack,
          PayloadDecoder::presence);

  @Property(tries = 3_000)
  void arbitraryBytesNeverEscapeAsAnException(@ForAll @Size(max = 5_000) byte[] payload) {
    for (Function<byte[], Decoded<?>> decoder : DECODERS) {
      Decoded<?> d = decoder.apply(payload);
      assertThat(d.isOk() || d.reason() != null).isTrue();
    }
  }

  @Property(tries = 5_000)
  void almostValidJsonIsEitherWithinTheContractOrRefusedWithAReason(
      @ForAll("almostValidPayloads") String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    Decoded<SosPayload> sos = PayloadDecoder.sos(bytes);
    if (sos.isOk()) {
      assertThat(sos.value().seq()).isNotNegative();
      assertThat(sos.value().ts()).isNotNull();
      // A press is taken with or without a place; when it gives one, it is a place on Earth.
      if (PayloadDecoder.positionProblem(sos.value()) == null) {
        assertThat(sos.value().lat()).isBetween(-90.0, 90.0);
        assertThat(sos.value().lon()).isBetween(-180.0, 180.0);
      }
    } else {
      assertThat(sos.reason()).isNotNull();
      assertThat(sos.detail()).doesNotContain("20.123456");
    }
    Decoded<UnitPositionPayload> pos = PayloadDecoder.unitPosition(bytes);
    assertThat(pos.isOk() || pos.reason() != null).isTrue();
    for (Function<byte[], Decoded<?>> decoder : DECODERS) {
      decoder.apply(bytes);
    }
  }

  /** JSON objects built from the contract's own fields with values of every type and range. */
  @Provide
  Arbitrary<String> almostValidPayloads() {
    Arbitrary<String> value =
        Arbitraries.oneOf(
            Arbitraries.longs().map(String::valueOf),
            Arbitraries.doubles().between(-400, 400).map(String::valueOf),
            Arbitraries.of("20.123456", "85.8", "-0", "1e308", "NaN", "null", "true", "false"),
            Arbitraries.strings().ofMaxLength(20).map(s -> "\"" + s.replace("\"", "") + "\""),
            Arbitraries.of("[]", "{}", "[1,2]", "{\"x\":1}"));
    Arbitrary<String> field =
        Arbitraries.of(
            "seq",
            "ts",
            "lat",
            "lon",
            "accM",
            "injured",
            "status",
            "pin",
            "assignmentId",
            "accept",
            "online",
            "speedKmh",
            "x");
    Arbitrary<String> member = field.flatMap(f -> value.map(v -> "\"" + f + "\":" + v));
    return member.list().ofMaxSize(12).map(m -> "{" + String.join(",", m) + "}");
  }
}
