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
        boolean complete = !discarding && line.size() > 0;
        // One character per byte (frames are ASCII; anything else fails the parser's checks), and
        // the buffer is free before the line is handed on, whatever its handler does.
        String text = complete ? line.toString(StandardCharsets.ISO_8859_1) : null;
        line.reset();
        discarding = false;
        if (complete) {
          onLine.accept(text);
        }
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
