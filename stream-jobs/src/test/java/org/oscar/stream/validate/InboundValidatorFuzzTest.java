package org.oscar.stream.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.oscar.contract.codec.Decoded;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.stream.directory.DeviceDirectory;
import org.oscar.stream.directory.DeviceEntry;
import org.oscar.stream.event.DeviceEvent;

/**
 * Property-based fuzzing of the whole validation step: any topic with any payload gives an event or
 * a refusal with its reason, never an exception, and an accepted event always belongs to the device
 * its topic names.
 */
class InboundValidatorFuzzTest {
  private static final long NOW = 1_800_000_000_000L;
  private final InboundValidator validator =
      new InboundValidator(
          new DeviceDirectory(
              Map.of(
                  "SURV-1", new DeviceEntry("SURV-1", DeviceKind.PANIC, "r"),
                  "PCR-1", new DeviceEntry("PCR-1", DeviceKind.POLICE, "r"))),
          ValidationPolicy.defaults(),
          new FloodGuard());

  @Property(tries = 5_000)
  void anyTopicAndPayloadGiveAnEventOrAReason(
      @ForAll("topics") String topic, @ForAll("payloads") String payload) {
    Decoded<DeviceEvent> d =
        validator.validate(topic, payload.getBytes(StandardCharsets.UTF_8), NOW);

    if (d.isOk()) {
      assertThat(topic).contains("/" + d.value().deviceId() + "/");
    } else {
      assertThat(d.reason()).isNotNull();
    }
  }

  @Provide
  Arbitrary<String> topics() {
    Arbitrary<String> id = Arbitraries.of("SURV-1", "PCR-1", "NOBODY", "+", "#", "", "a/b");
    Arbitrary<String> family = Arbitraries.of("dev", "unit", "car", "");
    Arbitrary<String> leaf =
        Arbitraries.of("sos", "pos", "status", "ack", "cancel", "online", "notice", "task", "");
    Arbitrary<String> wellFormed =
        Combinators.combine(family, id, leaf).as((f, i, l) -> "oscar/v1/" + f + "/" + i + "/" + l);
    return Arbitraries.oneOf(wellFormed, Arbitraries.strings().ofMaxLength(80));
  }

  @Provide
  Arbitrary<String> payloads() {
    Arbitrary<String> number = Arbitraries.doubles().between(-200, 200).map(String::valueOf);
    Arbitrary<String> plausible =
        Combinators.combine(number, number, Arbitraries.longs().between(-5, 1L << 40))
            .as(
                (lat, lon, seq) ->
                    "{\"seq\":"
                        + seq
                        + ",\"ts\":"
                        + NOW
                        + ",\"lat\":"
                        + lat
                        + ",\"lon\":"
                        + lon
                        + ",\"status\":\"AVAILABLE\",\"online\":true,\"pin\":\"1234\""
                        + ",\"assignmentId\":\"A\",\"accept\":true}");
    return Arbitraries.oneOf(plausible, Arbitraries.strings().ofMaxLength(300));
  }
}
