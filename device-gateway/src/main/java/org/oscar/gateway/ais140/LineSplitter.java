package org.oscar.gateway.ais140;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Cuts a TCP byte stream into lines at {@code \n} (a {@code \r} before it is dropped by the
 * parser). A line longer than the limit is thrown away up to its end and reported once, so garbage
 * on the socket costs a counter, not the connection, and never more memory than the limit.
 */
final class LineSplitter {
  private final int maxBytes;
  private final Consumer<String> onLine;
  private final Runnable onOverlong;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
  private boolean discarding;

  LineSplitter(int maxBytes, Consumer<String> onLine, Runnable onOverlong) {
    this.maxBytes = maxBytes;
    this.onLine = onLine;
    this.onOverlong = onOverlong;
  }

  void feed(byte[] bytes) {
    for (byte b : bytes) {
      if (b == '\n') {
        if (!discarding && line.size() > 0) {
          // Non-UTF-8 bytes become U+FFFD and then fail the parser's checks: not a crash.
          onLine.accept(line.toString(StandardCharsets.UTF_8));
        }
        line.reset();
        discarding = false;
      } else if (!discarding) {
        if (line.size() >= maxBytes) {
          line.reset();
          discarding = true;
          onOverlong.run();
        } else {
          line.write(b);
        }
      }
    }
  }
}
