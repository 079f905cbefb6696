package org.oscar.gateway.ais140;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses one AIS-140 text frame ({@code $…,…*cs}). Pure and total: any input gives a frame or an
 * outcome with a reason, never an exception. The supported subset and the source of its field lists
 * are in docs/ais140.md; in short:
 *
 * <ul>
 *   <li>emergency message {@code $EPB,EMR|SEM,imei,NM|SP,DDMMYYYYhhmmss,A|V,lat,N|S,lon,E|W,
 *       altitude,speed,distance,G|N,vehicleRegNo,replyNumber};
 *   <li>location/alert packet {@code $HDR,vendor,firmware,packetType,alertId,L|H,imei,
 *       vehicleRegNo,1|0,DDMMYYYY,hhmmss,lat,N|S,lon,E|W,speed,heading,…} (header names differ
 *       between vendors and state SOPs, so the packet is recognised by its packet type);
 *   <li>login and health packets are read and ignored.
 * </ul>
 *
 * A checksum after {@code *} is checked when it is two hex digits (XOR of the characters between
 * {@code $} and {@code *}, as NMEA does); frames without one are taken, since many trackers send
 * none; other checksum forms are refused rather than passed unchecked.
 */
public final class Ais140Parser {
  /** Longest frame taken; real emergency frames are about 120 characters, location ones 300. */
  public static final int MAX_FRAME_CHARS = 512;

  private static final Pattern IMEI = Pattern.compile("[0-9]{15}");
  private static final Pattern HEX2 = Pattern.compile("[0-9A-Fa-f]{2}");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final Set<String> IGNORED_HEADERS = Set.of("LGN", "HLM", "HLP", "HBT", "HMP");

  /** Packet types of the location/alert packet (AIS-140 alert table). */
  private static final Set<String> LOCATION_TYPES =
      Set.of("NR", "EA", "TA", "HP", "IN", "IF", "BD", "BR", "BL", "HB", "HA", "RT", "WD", "OS");

  private Ais140Parser() {}

  public static ParsedLine parse(String line) {
    String s = line.strip();
    if (s.length() > MAX_FRAME_CHARS) {
      return ParsedLine.stopped(FrameOutcome.TOO_LONG, s.length() + " chars");
    }
    if (!s.startsWith("$")) {
      return ParsedLine.stopped(FrameOutcome.NOT_A_FRAME, "no leading $");
    }
    String body = s.substring(1);
    int star = body.lastIndexOf('*');
    if (star >= 0) {
      String checksum = body.substring(star + 1);
      body = body.substring(0, star);
      if (!checksum.isEmpty()) {
        if (!HEX2.matcher(checksum).matches()) {
          return ParsedLine.stopped(FrameOutcome.UNSUPPORTED_CHECKSUM, "checksum " + checksum);
        }
        if (Integer.parseInt(checksum, 16) != xor(body)) {
          return ParsedLine.stopped(FrameOutcome.BAD_CHECKSUM, "checksum mismatch");
        }
      }
    }
    String[] f = body.split(",", -1);
    // Some firmwares put a comma straight after the $ ("$,EPB,…"); the fields are the same.
    if (f.length > 1 && f[0].isEmpty()) {
      f = Arrays.copyOfRange(f, 1, f.length);
    }
    try {
      String header = f[0];
      if (header.equals("EPB")) {
        return emergency(f);
      }
      if (IGNORED_HEADERS.contains(header)) {
        return ParsedLine.stopped(FrameOutcome.IGNORED, header);
      }
      if (f.length > 3 && LOCATION_TYPES.contains(f[3])) {
        return location(f);
      }
      return ParsedLine.stopped(FrameOutcome.UNSUPPORTED_PACKET, "header " + printable(header));
    } catch (BadField e) {
      return ParsedLine.stopped(e.outcome, e.getMessage());
    }
  }

  private static ParsedLine emergency(String[] f) throws BadField {
    need(f, 10, "emergency message");
    boolean stop =
        switch (f[1]) {
          case "EMR" -> false;
          case "SEM" -> true;
          default -> throw bad("message type");
        };
    String imei = imei(f[2]);
    boolean stored = flag(f[3], "SP", "NM", "packet status");
    long ts = compactDateTime(f[4]);
    boolean fix = flag(f[5], "A", "V", "gps validity");
    double lat = coordinate(f[6], f[7], 'N', 'S', 90);
    double lon = coordinate(f[8], f[9], 'E', 'W', 180);
    checkNotNullIsland(lat, lon);
    Double speed = f.length > 11 ? optionalNumber(f[11], "speed") : null;
    boolean network = f.length > 13 && f[13].equals("N");
    return ParsedLine.of(
        new Ais140Frame.Emergency(imei, stop, stored, ts, fix, network, lat, lon, speed));
  }

  private static ParsedLine location(String[] f) throws BadField {
    need(f, 15, "location packet");
    boolean history = flag(f[5], "H", "L", "packet status");
    String imei = imei(f[6]);
    boolean fix = flag(f[8], "1", "0", "gps fix");
    long ts = dateTime(f[9], f[10]);
    double lat = coordinate(f[11], f[12], 'N', 'S', 90);
    double lon = coordinate(f[13], f[14], 'E', 'W', 180);
    if (fix) {
      checkNotNullIsland(lat, lon);
    }
    Double speed = f.length > 15 ? optionalNumber(f[15], "speed") : null;
    Double heading = f.length > 16 ? optionalNumber(f[16], "heading") : null;
    return ParsedLine.of(
        new Ais140Frame.Location(imei, f[3], history, ts, fix, lat, lon, speed, heading));
  }

  static int xor(String body) {
    int x = 0;
    for (int i = 0; i < body.length(); i++) {
      x ^= body.charAt(i);
    }
    return x & 0xff;
  }

  private static void need(String[] f, int n, String what) throws BadField {
    if (f.length < n) {
      throw new BadField(FrameOutcome.MISSING_FIELD, what + " has " + f.length + " fields");
    }
  }

  private static String imei(String s) throws BadField {
    if (!IMEI.matcher(s).matches()) {
      throw bad("imei");
    }
    return s;
  }

  private static boolean flag(String s, String yes, String no, String what) throws BadField {
    if (s.equals(yes)) {
      return true;
    }
    if (s.equals(no)) {
      return false;
    }
    throw bad(what);
  }

  /** DDMMYYYYhhmmss. */
  private static long compactDateTime(String s) throws BadField {
    if (s.length() != 14) {
      throw bad("date/time");
    }
    return dateTime(s.substring(0, 8), s.substring(8));
  }

  /** DDMMYYYY + hhmmss, GPS time, which is UTC. */
  private static long dateTime(String date, String time) throws BadField {
    if (date.length() != 8 || time.length() != 6 || !DIGITS.matcher(date + time).matches()) {
      throw bad("date/time");
    }
    try {
      return LocalDateTime.of(
              Integer.parseInt(date.substring(4, 8)),
              Integer.parseInt(date.substring(2, 4)),
              Integer.parseInt(date.substring(0, 2)),
              Integer.parseInt(time.substring(0, 2)),
              Integer.parseInt(time.substring(2, 4)),
              Integer.parseInt(time.substring(4, 6)))
          .toInstant(ZoneOffset.UTC)
          .toEpochMilli();
    } catch (DateTimeException e) {
      throw bad("date/time");
    }
  }

  private static double coordinate(String value, String hemisphere, char plus, char minus, int max)
      throws BadField {
    double v = number(value, "coordinate");
    if (hemisphere.length() != 1
        || (hemisphere.charAt(0) != plus && hemisphere.charAt(0) != minus)) {
      throw bad("hemisphere");
    }
    if (v < 0 || v > max) {
      throw new BadField(FrameOutcome.BAD_COORDINATE, "coordinate out of range");
    }
    return hemisphere.charAt(0) == minus ? -v : v;
  }

  private static void checkNotNullIsland(double lat, double lon) throws BadField {
    if (lat == 0 && lon == 0) {
      throw new BadField(FrameOutcome.BAD_COORDINATE, "0,0: the tracker has no position");
    }
  }

  private static double number(String s, String what) throws BadField {
    // Digits, one dot, nothing else: Double.parseDouble would also take "NaN", "1e9" or "0x1p3".
    if (s.isEmpty() || s.length() > 16 || !s.matches("[0-9]+(\\.[0-9]+)?")) {
      throw bad(what);
    }
    return Double.parseDouble(s);
  }

  private static Double optionalNumber(String s, String what) throws BadField {
    return s.isEmpty() ? null : number(s, what);
  }

  private static String printable(String s) {
    String cut = s.length() > 8 ? s.substring(0, 8) : s;
    return cut.replaceAll("[^A-Za-z0-9]", "?");
  }

  private static BadField bad(String what) {
    return new BadField(FrameOutcome.BAD_FIELD, what);
  }

  private static final class BadField extends Exception {
    final FrameOutcome outcome;

    BadField(FrameOutcome outcome, String message) {
      super(message, null, false, false);
      this.outcome = outcome;
    }
  }
}
