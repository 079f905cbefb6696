package org.oscar.contract.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PinHashTest {
  private final SecureRandom random = new SecureRandom();

  @Test
  void matchesOnlyTheHashedPin() {
    String stored = PinHash.hash("4821", random, 1_000);

    assertThat(PinHash.matches("4821", stored)).isTrue();
    assertThat(PinHash.matches("4822", stored)).isFalse();
    assertThat(PinHash.matches("", stored)).isFalse();
  }

  @Test
  void saltsEveryHashSoEqualPinsLookDifferent() {
    assertThat(PinHash.hash("1111", random, 1_000))
        .isNotEqualTo(PinHash.hash("1111", random, 1_000));
  }

  @Test
  void neverContainsThePinAndRefusesMalformedHashes() {
    String stored = PinHash.hash("987654", random, 1_000);

    assertThat(stored).doesNotContain("987654").startsWith("pbkdf2-sha256$1000$");
    assertThat(PinHash.matches("1", "plain-text-pin")).isFalse();
    assertThat(PinHash.matches("1", "pbkdf2-sha256$x$y$z")).isFalse();
    assertThat(PinHash.matches("1", null)).isFalse();
  }
}
