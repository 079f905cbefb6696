package org.oscar.gateway.ais140;

/** Builds AIS-140 test frames with a valid checksum unless told otherwise. */
final class Ais140Frames {
  static final String IMEI = "861850060252398";

  private String imei = IMEI;
  private String type = "EMR";
  private String dateTime = "29112026204500";
  private String validity = "A";
  private String lat = "20.296100";
  private String latHemisphere = "N";
  private String lon = "85.824500";
  private String lonHemisphere = "E";
  private String provider = "G";

  static Ais140Frames emergency() {
    return new Ais140Frames();
  }

  Ais140Frames imei(String v) {
    imei = v;
    return this;
  }

  Ais140Frames stop() {
    type = "SEM";
    return this;
  }

  Ais140Frames at(String latitude, String ns, String longitude, String ew) {
    lat = latitude;
    latHemisphere = ns;
    lon = longitude;
    lonHemisphere = ew;
    return this;
  }

  Ais140Frames time(String ddmmyyyyhhmmss) {
    dateTime = ddmmyyyyhhmmss;
    return this;
  }

  Ais140Frames lastKnownFix() {
    validity = "V";
    return this;
  }

  Ais140Frames networkFix() {
    provider = "N";
    return this;
  }

  String build() {
    return withChecksum(
        String.join(
            ",",
            "EPB",
            type,
            imei,
            "NM",
            dateTime,
            validity,
            lat,
            latHemisphere,
            lon,
            lonHemisphere,
            "45",
            "0.0",
            "0",
            provider,
            "OD02AB1234",
            "NA"));
  }

  /** A location packet of a vehicle tracker, with speed and heading. */
  static String location(String imei, String fix, String lat, String lon) {
    return withChecksum(
        String.join(
            ",",
            "NRM",
            "ACME",
            "1.0.2",
            "NR",
            "01",
            "L",
            imei,
            "OD02PC0001",
            fix,
            "29112026",
            "204510",
            lat,
            "N",
            lon,
            "E",
            "32.5",
            "270.25",
            "12",
            "40",
            "1.2",
            "0.9",
            "Airtel",
            "1",
            "1",
            "12.4",
            "4.1",
            "0",
            "C"));
  }

  static String withChecksum(String body) {
    int x = 0;
    for (char c : body.toCharArray()) {
      x ^= c;
    }
    return "$" + body + "*" + String.format("%02X", x);
  }
}
