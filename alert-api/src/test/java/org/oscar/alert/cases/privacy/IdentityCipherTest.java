package org.oscar.alert.cases.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oscar.alert.cases.CaseProblem;
import org.oscar.alert.cases.model.Identity;

class IdentityCipherTest {
  private static final Identity HER = new Identity("Sunita Test-Name", "+91 98765 43210", "Plot 7");
  private final IdentityCipher cipher = IdentityCipher.of(key(1));

  @Test
  void whatIsSealedForHerOpensForHerAndShowsNothingOfHerAtRest() {
    byte[] sealed = cipher.seal(HER, "SV-1");

    assertThat(cipher.open(sealed, "SV-1")).isEqualTo(HER);
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Sunita", "98765");
    assertThat(cipher.seal(HER, "SV-1")).as("a fresh nonce each time").isNotEqualTo(sealed);
  }

  @Test
  void itDoesNotOpenForAnotherSurvivorUnderAnotherKeyOrOnceAltered() {
    byte[] sealed = cipher.seal(HER, "SV-1");
    byte[] altered = sealed.clone();
    altered[altered.length - 1] ^= 1;

    assertThatThrownBy(() -> cipher.open(sealed, "SV-2")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> IdentityCipher.of(key(2)).open(sealed, "SV-1"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> cipher.open(altered, "SV-1"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aKeyFileMustHoldThirtyTwoBytesInBase64(@TempDir Path dir) throws Exception {
    Path good = Files.writeString(dir.resolve("good"), Base64.getEncoder().encodeToString(key(3)));
    Path shortKey =
        Files.writeString(dir.resolve("short"), Base64.getEncoder().encodeToString(new byte[16]));

    assertThat(
            IdentityCipher.fromFile(good).open(IdentityCipher.fromFile(good).seal(HER, "S"), "S"))
        .isEqualTo(HER);
    assertThatThrownBy(() -> IdentityCipher.fromFile(shortKey)).hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> IdentityCipher.fromFile(dir.resolve("missing")))
        .hasMessageContaining("cannot read");
  }

  @Test
  void herIdentityNeverPrintsAndABadFieldIsNamedWithoutItsValue() {
    assertThat(HER.toString()).doesNotContain("Sunita").isEqualTo("Identity[redacted]");
    assertThatThrownBy(
            () -> Identity.from(new JsonObject().put("name", "A").put("phone", "call me")))
        .isInstanceOfSatisfying(
            CaseProblem.class,
            p -> {
              assertThat(p.field()).isEqualTo("phone");
              assertThat(p.getMessage()).doesNotContain("call me");
            });
    assertThatThrownBy(() -> Identity.from(new JsonObject()))
        .isInstanceOfSatisfying(CaseProblem.class, p -> assertThat(p.field()).isEqualTo("name"));
  }

  private static byte[] key(int seed) {
    byte[] k = new byte[32];
    for (int i = 0; i < k.length; i++) {
      k[i] = (byte) (seed * 31 + i);
    }
    return k;
  }
}
