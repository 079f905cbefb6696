package org.oscar.gateway.ais140;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Finds the checksum of an AIS-140 text frame and checks it against the forms vendors are known to
 * use. The standard leaves the form open and firmwares differ (see docs/ais140.md): XOR over the
 * characters between {@code $} and {@code *} (as NMEA does) or with the {@code $}, a 16-bit sum,
 * CRC-16/KERMIT, CRC-32 (zlib) or CRC-32/MPEG-2, written before or after the {@code *}, over the
 * text up to the checksum or up to the {@code *}. A frame is never refused for its checksum: one
 * that matches none of these forms is {@link Status#UNVERIFIED} and counted, because a tracker's
 * emergency or whereabouts must not be dropped for its vendor's arithmetic.
 *
 * <p>Two hex digits are only tried as an XOR: with several spans there is already a few-percent
 * chance that a wrong frame matches by luck, so "verified" means "one known form matched".
 */
final class FrameIntegrity {
  /** What is known of a frame's integrity. */
  enum Status {
    /** Its checksum matched one of the known forms. */
    VERIFIED,
    /** It carries no checksum (many trackers send none). */
    ABSENT,
    /** It carries a checksum that matched no known form, or one of a form not known at all. */
    UNVERIFIED
  }

  /** The frame without its checksum and trailer, and what its checksum said. */
  record Checked(String content, Status status) {}

  private static final Pattern HEX =
      Pattern.compile("[0-9A-Fa-f]{2}|[0-9A-Fa-f]{4}|[0-9A-Fa-f]{8}");
  private static final Pattern HEX8 = Pattern.compile("[0-9A-Fa-f]{8}");

  private FrameIntegrity() {}

  /** {@code frame} starts with {@code $} and has been stripped of line ends and spaces. */
  static Checked check(String frame) {
    int star = frame.lastIndexOf('*');
    if (star < 0) {
      return withoutStar(frame);
    }
    String after = frame.substring(star + 1);
    String before = frame.substring(0, star);
    if (after.startsWith(",")) {
      String next = firstField(after.substring(1));
      if (HEX.matcher(next).matches()) {
        // ",*,hh": the checksum comes after the star, as its own field.
        return verify(frame, trimComma(before), next, star + 2, star);
      }
      // ",hh,*,IP=…": fields after the star are not the frame's; the checksum, if any, is before.
      return beforeStar(frame, before, star);
    }
    if (after.isEmpty()) {
      return beforeStar(frame, before, star);
    }
    if (HEX.matcher(after).matches()) {
      return verify(frame, before, after, star + 1, star);
    }
    return new Checked(before, Status.UNVERIFIED);
  }

  /** "…,hh*", "…,hh,*", "…,*" or "…E*": a checksum just before the star, or none. */
  private static Checked beforeStar(String frame, String before, int star) {
    String body = trimComma(before);
    int comma = body.lastIndexOf(',');
    String last = body.substring(comma + 1);
    if (comma >= 0 && HEX.matcher(last).matches()) {
      return verify(frame, body.substring(0, comma), last, comma + 1, star);
    }
    return new Checked(body, Status.ABSENT);
  }

  /** No star: only an eight-hex-digit last field is taken as a checksum (CRC-32 firmwares). */
  private static Checked withoutStar(String frame) {
    String body = trimComma(frame);
    int comma = body.lastIndexOf(',');
    String last = body.substring(comma + 1);
    if (comma >= 0 && HEX8.matcher(last).matches()) {
      return verify(frame, body.substring(0, comma), last, comma + 1, -1);
    }
    return new Checked(body, Status.ABSENT);
  }

  /**
   * Checks {@code checksum}, found at {@code at} in the frame, against every known form over the
   * spans vendors use: from the {@code $} or just after it, up to the checksum (with or without the
   * comma before it) or up to the star (with or without it and the comma after it).
   */
  private static Checked verify(String frame, String content, String checksum, int at, int star) {
    long expected = Long.parseLong(checksum, 16);
    byte[] bytes = frame.getBytes(StandardCharsets.ISO_8859_1);
    for (int[] span : spans(frame, at, star)) {
      if (matches(bytes, span[0], span[1], checksum.length(), expected)) {
        return new Checked(content, Status.VERIFIED);
      }
    }
    return new Checked(content, Status.UNVERIFIED);
  }

  private static List<int[]> spans(String frame, int at, int star) {
    List<Integer> ends = new ArrayList<>();
    ends.add(at);
    if (at > 0 && frame.charAt(at - 1) == ',') {
      ends.add(at - 1);
    }
    if (star >= 0) {
      ends.add(star);
      ends.add(star + 1);
      if (star + 1 < frame.length() && frame.charAt(star + 1) == ',') {
        ends.add(star + 2);
      }
    }
    List<int[]> spans = new ArrayList<>();
    for (int start : new int[] {0, 1}) {
      for (int end : ends) {
        if (end > start && end <= frame.length()) {
          spans.add(new int[] {start, end});
        }
      }
    }
    return spans;
  }

  private static boolean matches(byte[] b, int from, int to, int digits, long expected) {
    return switch (digits) {
      case 2 -> xor(b, from, to) == expected;
      case 4 -> {
        int kermit = crc16Kermit(b, from, to);
        int swapped = ((kermit & 0xff) << 8) | (kermit >>> 8);
        yield kermit == expected || swapped == expected || sum16(b, from, to) == expected;
      }
      default -> crc32(b, from, to) == expected || crc32Mpeg2(b, from, to) == expected;
    };
  }

  static int xor(byte[] b, int from, int to) {
    int x = 0;
    for (int i = from; i < to; i++) {
      x ^= b[i] & 0xff;
    }
    return x;
  }

  static int sum16(byte[] b, int from, int to) {
    int sum = 0;
    for (int i = from; i < to; i++) {
      sum += b[i] & 0xff;
    }
    return sum & 0xffff;
  }

  /** CRC-16/KERMIT: polynomial 0x1021 reflected, initial value 0, no final XOR. */
  static int crc16Kermit(byte[] b, int from, int to) {
    int crc = 0;
    for (int i = from; i < to; i++) {
      crc ^= b[i] & 0xff;
      for (int k = 0; k < 8; k++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
      }
    }
    return crc & 0xffff;
  }

  static long crc32(byte[] b, int from, int to) {
    CRC32 crc = new CRC32();
    crc.update(b, from, to - from);
    return crc.getValue();
  }

  /** CRC-32/MPEG-2: polynomial 0x04C11DB7 not reflected, initial value all ones, no final XOR. */
  static long crc32Mpeg2(byte[] b, int from, int to) {
    int crc = 0xffffffff;
    for (int i = from; i < to; i++) {
      crc ^= (b[i] & 0xff) << 24;
      for (int k = 0; k < 8; k++) {
        crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
      }
    }
    return crc & 0xffffffffL;
  }

  private static String trimComma(String s) {
    return s.endsWith(",") ? s.substring(0, s.length() - 1) : s;
  }

  private static String firstField(String s) {
    int comma = s.indexOf(',');
    return comma < 0 ? s : s.substring(0, comma);
  }
}
