package org.oscar.gateway.ais140;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.oscar.gateway.ais140.FrameIntegrity.Status;

/**
 * Parses one AIS-140 text frame as vendors actually send it. Pure and total: any input gives a
 * frame or an outcome with a reason, never an exception. The vendor forms, their sources and what
 * each becomes are in docs/ais140.md.
 *
 * <p>Real firmwares agree on the order of the fields that matter but not on their columns: the
 * header may be its own field ({@code $,EPB}) or glued to the {@code $}; a vendor name may come
 * before {@code EMR}; the alert id or the live/history flag may be missing; the date may be one
 * field ({@code DDMMYYYYhhmmss}, {@code DDMMYYhhmmss}), two ({@code DDMMYYYY,hhmmss}, {@code
 * DDMMYY,hhmmss}) or six ({@code DD,MM,YYYY,hh,mm,ss}); the fix flag may come before or after it.
 * So fields are found by anchors, not by column: the message type ({@code EMR}/{@code SEM}) or the
 * packet type, then the IMEI, then the first {@code lat,N|S,lon,E|W} group; the date and the fix
 * flag are read from the fields between the IMEI and the coordinates.
 *
 * <p>An emergency is never refused for its form: without a readable date it is timed by its
 * arrival, without a fix or with unreadable coordinates it is a press whose location is unknown.
 * Only an emergency without an IMEI (nobody to answer) is refused. A checksum never stops a frame
 * ({@link FrameIntegrity}).
 */
public final class Ais140Parser {
  /** Longest frame taken; real emergency frames are about 120 characters, location ones 400. */
  public static final int MAX_FRAME_CHARS = 512;

  private static final Pattern IMEI = Pattern.compile("[0-9]{15}");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,12}(\\.[0-9]{1,12})?");

  /** Login, health and heartbeat packets: read, nothing to forward. */
  private static final Set<String> IGNORED_HEADERS =
      Set.of("LGN", "HLM", "HLP", "HBT", "HMP", "HLT");

  /** Packet types of the location/alert packet (AIS-140 alert table, and DT/OT seen in use). */
  private static final Set<String> LOCATION_TYPES =
      Set.of(
          "NR", "EA", "TA", "HP", "IN", "IF", "BD", "BR", "BL", "HB", "HA", "RT", "WD", "OS", "DT",
          "OT");

  /** How far from its anchor a field may be looked for (a vendor's extra columns). */
  private static final int TYPE_SEARCH = 6;

  private static final int COORDINATE_SEARCH = 14;

  private Ais140Parser() {}

  public static ParsedLine parse(String line) {
    String s = line.strip();
    if (s.length() > MAX_FRAME_CHARS) {
      return ParsedLine.stopped(FrameOutcome.TOO_LONG, s.length() + " chars");
    }
    if (!s.startsWith("$")) {
      return ParsedLine.stopped(FrameOutcome.NOT_A_FRAME, "no leading $");
    }
    for (int i = 0; i < s.length(); i++) {
      // Checksums are computed over bytes: a character that is not one byte is no frame's.
      if (s.charAt(i) > 0xff) {
        return ParsedLine.stopped(FrameOutcome.NOT_A_FRAME, "not single-byte text");
      }
    }
    try {
      return read(s);
    } catch (RuntimeException e) {
      // A bug here must cost one line, never the connection and the frames after it.
      return ParsedLine.stopped(
          FrameOutcome.BAD_FIELD, "unreadable: " + e.getClass().getSimpleName());
    }
  }

  private static ParsedLine read(String s) {
    FrameIntegrity.Checked checked = FrameIntegrity.check(s);
    String[] f = fields(checked.content());
    try {
      int message = indexOf(f, 0, 3, "EMR", "SEM");
      if (message >= 0) {
        return emergency(f, message, checked.status());
      }
      if (indexOf(f, 0, 8, IGNORED_HEADERS) >= 0 || indexOf(f, 0, 8, Set.of("AIS140")) >= 0) {
        return ParsedLine.stopped(FrameOutcome.IGNORED, printable(f[0]));
      }
      int type = indexOf(f, 0, TYPE_SEARCH, LOCATION_TYPES);
      if (type < 0 && f[0].equals("EPB")) {
        // An emergency header with neither EMR/SEM nor a packet type: not a form anyone sends.
        return ParsedLine.stopped(FrameOutcome.BAD_FIELD, "message type");
      }
      return location(f, type, checked.status());
    } catch (BadField e) {
      return ParsedLine.stopped(e.outcome, e.getMessage());
    }
  }

  /** The frame's fields after the {@code $}, trimmed, without the empty one of {@code "$,"}. */
  private static String[] fields(String content) {
    String[] raw = content.substring(1).split(",", -1);
    int from = raw.length > 1 && raw[0].isBlank() ? 1 : 0;
    String[] f = new String[raw.length - from];
    for (int i = from; i < raw.length; i++) {
      f[i - from] = raw[i].strip();
    }
    return f;
  }

  private static ParsedLine emergency(String[] f, int message, Status integrity) throws BadField {
    boolean stop = f[message].equals("SEM");
    int imei = find(f, message + 1, message + 3, IMEI);
    if (imei < 0) {
      throw new BadField(FrameOutcome.BAD_FIELD, "imei");
    }
    boolean stored = imei + 1 < f.length && f[imei + 1].equals("SP");
    int at = coordinates(f, imei + 1);
    if (at < 0) {
      // No place to read: still her emergency, timed by its arrival.
      return ParsedLine.of(
          new Ais140Frame.Emergency(
              f[imei], stop, stored, 0, false, false, false, 0, 0, null, integrity));
    }
    Between between = between(f, imei + 1, at);
    boolean fix = between.fix == null || between.fix;
    double lat;
    double lon;
    try {
      lat = coordinate(f[at], f[at + 1], 'N', 'S', 90);
      lon = coordinate(f[at + 2], f[at + 3], 'E', 'W', 180);
    } catch (BadField e) {
      lat = 0;
      lon = 0;
    }
    boolean known = lat != 0 || lon != 0;
    boolean network = indexOf(f, at + 6, at + 8, "N") >= 0 && indexOf(f, at + 6, at + 8, "G") < 0;
    return ParsedLine.of(
        new Ais140Frame.Emergency(
            f[imei],
            stop,
            stored,
            between.ts,
            fix && known,
            network,
            known,
            lat,
            lon,
            optionalNumber(f, at + 5),
            integrity));
  }

  private static ParsedLine location(String[] f, int type, Status integrity) throws BadField {
    int from = type >= 0 ? type + 1 : 0;
    int flag = indexOf(f, from, from + 2, "L", "H");
    int imei = find(f, flag >= 0 ? flag + 1 : from, (flag >= 0 ? flag + 1 : from) + 3, IMEI);
    if (imei < 0) {
      throw type >= 0
          ? new BadField(FrameOutcome.BAD_FIELD, "imei")
          : new BadField(FrameOutcome.UNSUPPORTED_PACKET, "header " + printable(f[0]));
    }
    String packetType = type >= 0 ? f[type] : printable(f[0]);
    boolean history = flag >= 0 && f[flag].equals("H");
    // The emergency alert of a location packet is an emergency: never refused for its form.
    boolean alert = packetType.equals("EA");
    int at = coordinates(f, imei + 1);
    if (at < 0) {
      if (alert) {
        return noPlace(f[imei], packetType, history, integrity);
      }
      throw type >= 0
          ? new BadField(FrameOutcome.MISSING_FIELD, "no lat,N,lon,E group")
          : new BadField(FrameOutcome.UNSUPPORTED_PACKET, "header " + printable(f[0]));
    }
    Between between = between(f, imei + 1, at);
    boolean fix = between.fix == null || between.fix;
    if (!fix) {
      return ParsedLine.of(
          new Ais140Frame.Location(
              f[imei], packetType, history, between.ts, false, 0, 0, null, null, integrity));
    }
    double lat;
    double lon;
    try {
      lat = coordinate(f[at], f[at + 1], 'N', 'S', 90);
      lon = coordinate(f[at + 2], f[at + 3], 'E', 'W', 180);
      if (lat == 0 && lon == 0) {
        throw new BadField(FrameOutcome.BAD_COORDINATE, "0,0: the tracker has no position");
      }
    } catch (BadField e) {
      if (alert) {
        return noPlace(f[imei], packetType, history, integrity);
      }
      throw e;
    }
    if (between.ts == 0 && !alert) {
      throw new BadField(FrameOutcome.BAD_FIELD, "date/time");
    }
    return ParsedLine.of(
        new Ais140Frame.Location(
            f[imei],
            packetType,
            history,
            between.ts,
            true,
            lat,
            lon,
            optionalNumber(f, at + 4),
            optionalNumber(f, at + 5),
            integrity));
  }

  /** An emergency alert whose frame gives no place that can be read. */
  private static ParsedLine noPlace(
      String imei, String packetType, boolean history, Status integrity) {
    return ParsedLine.of(
        new Ais140Frame.Location(imei, packetType, history, 0, false, 0, 0, null, null, integrity));
  }

  /** The first {@code lat,N|S,lon,E|W} group at or after {@code from}, or -1. */
  private static int coordinates(String[] f, int from) {
    for (int i = from; i + 3 < f.length && i < from + COORDINATE_SEARCH; i++) {
      if ((f[i + 1].equals("N") || f[i + 1].equals("S"))
          && (f[i + 3].equals("E") || f[i + 3].equals("W"))
          && DECIMAL.matcher(f[i]).matches()
          && DECIMAL.matcher(f[i + 2]).matches()) {
        return i;
      }
    }
    return -1;
  }

  /** The fix flag and the time read from the fields between the IMEI and the coordinates. */
  private record Between(Boolean fix, long ts) {}

  private static Between between(String[] f, int from, int to) {
    Boolean fix = null;
    List<String> rest = new ArrayList<>();
    for (int i = to - 1; i >= from; i--) {
      String v = f[i];
      if (fix == null && v.length() == 1 && "AV10".contains(v)) {
        fix = v.equals("A") || v.equals("1");
      } else {
        rest.add(0, v);
      }
    }
    return new Between(fix, time(rest));
  }

  /**
   * The time from the last fields before the coordinates (the vehicle number, if any, comes before
   * them): one field of 14 or 12 digits, two of 8 or 6 and 6, or six of 2, 2, 4, 2, 2, 2. GPS time,
   * which is UTC; 0 if none reads as a real date (firmwares without a fix send zeros).
   */
  private static long time(List<String> rest) {
    int n = rest.size();
    if (n >= 1) {
      String last = rest.get(n - 1);
      if (digits(last, 14)) {
        return at(last.substring(0, 8), last.substring(8));
      }
      if (digits(last, 12)) {
        return at(last.substring(0, 6), last.substring(6));
      }
    }
    if (n >= 2 && digits(rest.get(n - 1), 6)) {
      String date = rest.get(n - 2);
      if (digits(date, 8) || digits(date, 6)) {
        return at(date, rest.get(n - 1));
      }
    }
    if (n >= 6) {
      List<String> six = rest.subList(n - 6, n);
      int[] widths = {2, 2, 4, 2, 2, 2};
      for (int i = 0; i < 6; i++) {
        if (!digits(six.get(i), widths[i])) {
          return 0;
        }
      }
      return at(six.get(0) + six.get(1) + six.get(2), six.get(3) + six.get(4) + six.get(5));
    }
    return 0;
  }

  /** DDMMYYYY or DDMMYY, and hhmmss. */
  private static long at(String date, String time) {
    try {
      int year =
          date.length() == 8
              ? Integer.parseInt(date.substring(4, 8))
              : 2000 + Integer.parseInt(date.substring(4, 6));
      return LocalDateTime.of(
              year,
              Integer.parseInt(date.substring(2, 4)),
              Integer.parseInt(date.substring(0, 2)),
              Integer.parseInt(time.substring(0, 2)),
              Integer.parseInt(time.substring(2, 4)),
              Integer.parseInt(time.substring(4, 6)))
          .toInstant(ZoneOffset.UTC)
          .toEpochMilli();
    } catch (DateTimeException e) {
      return 0;
    }
  }

  /**
   * Decimal degrees, zero-padded or not; a value beyond the range is read as NMEA's degrees and
   * minutes ({@code ddmm.mmmm}), which some firmwares send in the same column.
   */
  private static double coordinate(String value, String hemisphere, char plus, char minus, int max)
      throws BadField {
    if (!DECIMAL.matcher(value).matches()) {
      throw bad("coordinate");
    }
    double v = Double.parseDouble(value);
    if (v > max) {
      int degrees = (int) (v / 100);
      double minutes = v - degrees * 100.0;
      if (degrees > max || minutes >= 60) {
        throw new BadField(FrameOutcome.BAD_COORDINATE, "coordinate out of range");
      }
      v = degrees + minutes / 60;
    }
    return hemisphere.charAt(0) == minus ? -v : v;
  }

  /** A number in column {@code i}, or null if there is none or it does not read as one. */
  private static Double optionalNumber(String[] f, int i) {
    return i < f.length && DECIMAL.matcher(f[i]).matches() ? Double.parseDouble(f[i]) : null;
  }

  private static boolean digits(String s, int length) {
    return s.length() == length && DIGITS.matcher(s).matches();
  }

  private static int find(String[] f, int from, int to, Pattern p) {
    for (int i = Math.max(0, from); i < Math.min(to, f.length); i++) {
      if (p.matcher(f[i]).matches()) {
        return i;
      }
    }
    return -1;
  }

  private static int indexOf(String[] f, int from, int to, String... values) {
    return indexOf(f, from, to, Set.of(values));
  }

  private static int indexOf(String[] f, int from, int to, Set<String> values) {
    for (int i = Math.max(0, from); i < Math.min(to, f.length); i++) {
      if (values.contains(f[i])) {
        return i;
      }
    }
    return -1;
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
