package org.oscar.gateway.ais140;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {
  private final List<String> lines = new ArrayList<>();
  private int overlong;

  @Test
  void aLineWhoseHandlerFailsDoesNotSpillIntoTheNextOne() {
    LineSplitter splitter =
        new LineSplitter(
            100,
            line -> {
              if (line.startsWith("boom")) {
                throw new IllegalStateException("handler bug");
              }
              lines.add(line);
            },
            () -> overlong++);

    assertThatThrownBy(() -> splitter.feed(bytes("boom\n")))
        .isInstanceOf(IllegalStateException.class);
    splitter.feed(bytes("$EPB,EMR\n"));

    assertThat(lines).containsExactly("$EPB,EMR");
  }

  @Test
  void everyByteIsOneCharacterAndAnOverlongLineIsDroppedToItsEnd() {
    LineSplitter splitter = new LineSplitter(8, lines::add, () -> overlong++);

    splitter.feed(new byte[] {'$', (byte) 0xf0, (byte) 0x9f, '\n'});
    splitter.feed(bytes("0123456789abc\n$ok\n"));

    assertThat(lines).containsExactly("$\u00f0\u009f", "$ok");
    assertThat(overlong).isEqualTo(1);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
