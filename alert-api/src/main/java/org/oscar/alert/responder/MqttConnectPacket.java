package org.oscar.alert.responder;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The first packet a page sends through the bridge, read just far enough to decide whether it may
 * pass: an MQTT 3.1.1 (or 3.1) CONNECT's client id and user name. Nothing else of it is kept, and
 * the password is never read. MQTT 5 is refused: the page speaks 3.1.1.
 */
record MqttConnectPacket(String clientId, String username) {
  /** What the first bytes from a page are. */
  sealed interface Read {}

  /** Not all of the first packet has arrived yet. */
  record Incomplete() implements Read {}

  /** The first packet is not a CONNECT this bridge passes; {@code why} is a metric reason. */
  record Refused(String why) implements Read {}

  /** A whole CONNECT of {@code length} bytes. */
  record Complete(MqttConnectPacket packet, int length) implements Read {}

  /** Bounds what is buffered before the packet is judged: a CONNECT is a few hundred bytes. */
  static final int MAX_LENGTH = 4096;

  static Read read(byte[] b) {
    if (b.length == 0) {
      return new Incomplete();
    }
    if ((b[0] & 0xFF) != 0x10) {
      return new Refused("not_connect");
    }
    int remaining = 0;
    int multiplier = 1;
    int i = 1;
    while (true) {
      if (i >= b.length) {
        return new Incomplete();
      }
      int digit = b[i++] & 0xFF;
      remaining += (digit & 0x7F) * multiplier;
      if ((digit & 0x80) == 0) {
        break;
      }
      multiplier *= 128;
      if (i > 4) {
        return new Refused("malformed");
      }
    }
    int length = i + remaining;
    if (length > MAX_LENGTH) {
      return new Refused("too_large");
    }
    if (b.length < length) {
      return new Incomplete();
    }
    try {
      return parse(b, i, length);
    } catch (ArrayIndexOutOfBoundsException e) {
      return new Refused("malformed");
    }
  }

  private static Read parse(byte[] b, int start, int end) {
    int[] at = {start};
    String protocol = string(b, at, end);
    int level = b[at[0]++] & 0xFF;
    boolean v311 = "MQTT".equals(protocol) && level == 4;
    boolean v31 = "MQIsdp".equals(protocol) && level == 3;
    if (!v311 && !v31) {
      return new Refused("unsupported_protocol");
    }
    int flags = b[at[0]++] & 0xFF;
    at[0] += 2; // keep-alive
    String clientId = string(b, at, end);
    if ((flags & 0x04) != 0) {
      string(b, at, end); // will topic
      string(b, at, end); // will message (bytes; skipped the same way)
    }
    if ((flags & 0x80) == 0) {
      return new Refused("no_username");
    }
    return new Complete(new MqttConnectPacket(clientId, string(b, at, end)), end);
  }

  private static String string(byte[] b, int[] at, int end) {
    int n = ((b[at[0]] & 0xFF) << 8) | (b[at[0] + 1] & 0xFF);
    int from = at[0] + 2;
    if (from + n > end) {
      throw new ArrayIndexOutOfBoundsException("field runs past the packet");
    }
    at[0] = from + n;
    return new String(b, from, n, StandardCharsets.UTF_8);
  }

  /** The client id a unit's page must use: its own, so it cannot take another client's session. */
  static String clientIdOf(String unitId) {
    return "web-" + unitId;
  }

  Optional<String> unitId() {
    return clientIdOf(username).equals(clientId) ? Optional.of(username) : Optional.empty();
  }
}
