package org.oscar.contract.wire;

import java.util.Optional;
import java.util.regex.Pattern;

/** Topic names of contract v1, and the parser that tells who a topic belongs to. */
public final class Topics {
  public static final String ROOT = "oscar/v1";
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  public static final String SOS = "sos";
  public static final String POS = "pos";
  public static final String CANCEL = "cancel";
  public static final String NOTICE = "notice";
  public static final String STATUS = "status";
  public static final String ACK = "ack";
  public static final String TASK = "task";
  public static final String ONLINE = "online";
  public static final String COMMAND = "command";

  /** Uplink topics the stream job subscribes to in this version of the pipeline. */
  public static final String[] PIPELINE_SUBSCRIPTIONS = {
    ROOT + "/dev/+/" + SOS,
    ROOT + "/dev/+/" + POS,
    ROOT + "/dev/+/" + CANCEL,
    ROOT + "/unit/+/" + POS,
    ROOT + "/unit/+/" + STATUS,
    ROOT + "/unit/+/" + ACK,
    ROOT + "/dev/+/" + ONLINE,
    ROOT + "/unit/+/" + ONLINE,
    ROOT + "/ops/+/" + COMMAND
  };

  private Topics() {}

  public static boolean isValidId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  public static String device(String deviceId, String leaf) {
    return of(DeviceClass.PANIC, deviceId, leaf);
  }

  public static String unit(String unitId, String leaf) {
    return of(DeviceClass.UNIT, unitId, leaf);
  }

  public static String of(DeviceClass cls, String id, String leaf) {
    if (!isValidId(id)) {
      throw new IllegalArgumentException("not a contract device id: " + id);
    }
    return ROOT + "/" + cls.segment() + "/" + id + "/" + leaf;
  }

  /** {@code oscar/v1/ops/{region}/command}: where the control room's overrides go. */
  public static String operatorCommands(String region) {
    if (!isValidId(region)) {
      throw new IllegalArgumentException("not a region id: " + region);
    }
    return ROOT + "/ops/" + region + "/" + COMMAND;
  }

  /** The region of an operator-command topic, or empty if the topic is not one. */
  public static Optional<String> operatorCommandRegion(String topic) {
    if (topic == null || !topic.startsWith(ROOT + "/ops/") || !topic.endsWith("/" + COMMAND)) {
      return Optional.empty();
    }
    String region =
        topic.substring((ROOT + "/ops/").length(), topic.length() - COMMAND.length() - 1);
    return isValidId(region) ? Optional.of(region) : Optional.empty();
  }

  /** Splits {@code oscar/v1/{dev|unit}/{id}/{leaf}}; empty if the topic is not of that shape. */
  public static Optional<TopicAddress> parse(String topic) {
    if (topic == null || !topic.startsWith(ROOT + "/")) {
      return Optional.empty();
    }
    String[] parts = topic.substring(ROOT.length() + 1).split("/", -1);
    if (parts.length != 3 || !isValidId(parts[1])) {
      return Optional.empty();
    }
    for (DeviceClass cls : DeviceClass.values()) {
      if (cls.segment().equals(parts[0])) {
        return Optional.of(new TopicAddress(cls, parts[1], parts[2]));
      }
    }
    return Optional.empty();
  }
}
