package org.oscar.stream.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FloodGuardTest {
  private static final long T0 = 1_000_000;

  @Test
  void letsADeviceReportPositionsAtTheContractsPaceAndCutsAFlood() {
    FloodGuard guard = new FloodGuard();
    int allowed = 0;
    for (int i = 0; i < 1_000; i++) {
      if (guard.allow("PCR-1", "pos", T0 + i / 100)) {
        allowed++;
      }
    }
    // 1 000 messages within 10 ms: the burst of 10 passes, the rest is refused.
    assertThat(allowed).isEqualTo(10);

    for (int s = 1; s <= 60; s++) {
      assertThat(guard.allow("PCR-2", "pos", T0 + s * 2_000L)).isTrue();
    }
  }

  @Test
  void oneDevicesFloodNeverSpendsAnotherDevicesBudget() {
    FloodGuard guard = new FloodGuard();
    for (int i = 0; i < 10_000; i++) {
      guard.allow("SURV-FLOOD", "sos", T0 + i);
    }

    assertThat(guard.allow("SURV-FLOOD", "sos", T0 + 10_000)).isFalse();
    assertThat(guard.allow("SURV-OTHER", "sos", T0 + 10_000)).isTrue();
    assertThat(guard.allow("SURV-FLOOD", "pos", T0 + 10_000)).isTrue();
  }

  @Test
  void cancelsAreLimitedToOneEveryThirtySecondsAfterAShortBurst() {
    FloodGuard guard = new FloodGuard();
    assertThat(guard.allow("SURV-1", "cancel", T0)).isTrue();
    assertThat(guard.allow("SURV-1", "cancel", T0 + 1)).isTrue();
    assertThat(guard.allow("SURV-1", "cancel", T0 + 2)).isTrue();
    assertThat(guard.allow("SURV-1", "cancel", T0 + 3)).isFalse();
    assertThat(guard.allow("SURV-1", "cancel", T0 + 29_000)).isFalse();
    assertThat(guard.allow("SURV-1", "cancel", T0 + 31_000)).isTrue();
  }

  @Test
  void theValidatorRefusesAFloodBeforeReadingItAndCountsTheReason() {
    var directory =
        new org.oscar.stream.directory.DeviceDirectory(
            java.util.Map.of(
                "SURV-1",
                new org.oscar.stream.directory.DeviceEntry(
                    "SURV-1", org.oscar.contract.wire.DeviceKind.PANIC, "bbsr")));
    InboundValidator validator =
        new InboundValidator(directory, ValidationPolicy.defaults(), new FloodGuard());
    byte[] notEvenJson = "garbage".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    for (int i = 0; i < 5; i++) {
      assertThat(validator.validate("oscar/v1/dev/SURV-1/sos", notEvenJson, T0).reason())
          .isEqualTo(org.oscar.contract.codec.RejectReason.NOT_JSON);
    }
    assertThat(validator.validate("oscar/v1/dev/SURV-1/sos", notEvenJson, T0).reason())
        .isEqualTo(org.oscar.contract.codec.RejectReason.RATE_LIMITED);
  }
}
