package org.oscar.gateway.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class DevicesCommandTest {
  @Test
  void listsItsCommandsInTheHelp() {
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out));
    try {
      assertThat(DevicesCommand.execute("--help")).isZero();
    } finally {
      System.setOut(old);
    }
    assertThat(out.toString()).contains("add", "list", "rotate", "revoke", "import-scenario");
  }

  @Test
  void refusesABadKindWithAUsageErrorBeforeTouchingAnything() {
    assertThat(DevicesCommand.execute("add", "X-1", "--kind", "TRUCK", "--region", "r"))
        .isEqualTo(2);
  }
}
