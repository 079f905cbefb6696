package org.oscar.contract.live;

/**
 * How incidents are named, shared by the job that opens them and the API that answers for them. A
 * press opens {@code INC-<device>-<seq of the press>}, so a redelivered press names the same
 * incident; a control room's call (181, walk-in) opens the incident of the pseudo-device {@code
 * CALL-<command id>} and its one "press", so a repeated command opens it once.
 */
public final class IncidentIds {
  /** The pseudo-device a control room's call opens its incident under. */
  public static final String CALL_DEVICE_PREFIX = "CALL-";

  private static final String PREFIX = "INC-";

  private IncidentIds() {}

  public static String ofPress(String deviceId, long pressSeq) {
    return PREFIX + deviceId + "-" + pressSeq;
  }

  public static String callDevice(String commandId) {
    return CALL_DEVICE_PREFIX + commandId;
  }

  public static String ofCall(String commandId) {
    return ofPress(callDevice(commandId), 1);
  }

  /** Whether an incident was opened by a control room's call rather than a device. */
  public static boolean isCall(String incidentId) {
    return incidentId.startsWith(PREFIX + CALL_DEVICE_PREFIX);
  }
}
