package org.oscar.contract.live;

/**
 * Redis key layout of the live state. The stream job writes it; the alert API reads it. Keeping the
 * names in one place is what keeps the two in step.
 */
public final class LiveKeys {
  public static final String PREFIX = "oscar:";

  private LiveKeys() {}

  /** Hash of one unit's last known position and status. */
  public static String unit(String unitId) {
    return PREFIX + "unit:" + unitId;
  }

  /** Set of unit ids seen in a dispatch region. */
  public static String regionUnits(String region) {
    return PREFIX + "region:" + region + ":units";
  }

  /** JSON of one incident ({@link IncidentView}). */
  public static String incident(String incidentId) {
    return PREFIX + "incident:" + incidentId;
  }

  /**
   * The incident id if {@code key} is an incident's own key, empty for anything else, including an
   * incident's notifications, deliveries or audit (ids have no colon, those keys add one).
   */
  public static java.util.Optional<String> incidentIdOf(String key) {
    String prefix = incident("");
    if (key == null || !key.startsWith(prefix) || key.indexOf(':', prefix.length()) >= 0) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(key.substring(prefix.length()));
  }

  /** Set of open incident ids in a dispatch region. */
  public static String openIncidents(String region) {
    return PREFIX + "region:" + region + ":incidents:open";
  }

  /** List of notifications recorded for an incident, oldest first. */
  public static String notifications(String incidentId) {
    return PREFIX + "incident:" + incidentId + ":notifications";
  }

  /** List of delivery receipts ({@code DeliveryReceipt}) of an incident's notifications. */
  public static String deliveryReceipts(String incidentId) {
    return PREFIX + "incident:" + incidentId + ":deliveries";
  }

  /** JSON of one queued or finished delivery of a notification over one channel. */
  public static String delivery(String deliveryId) {
    return PREFIX + "delivery:" + deliveryId;
  }

  /** Sorted set of delivery ids by when they are next due (claimed ones: when their lease ends). */
  public static String deliveriesDue() {
    return PREFIX + "deliveries:due";
  }

  /** Marker that makes recording one notification idempotent. */
  public static String notificationKey(String incidentId, String role, String level) {
    return PREFIX + "notified:" + incidentId + ":" + role + ":" + level;
  }

  /** Hash of one provisioned device ({@link org.oscar.contract.registry.DeviceRecord}). */
  public static String device(String deviceId) {
    return PREFIX + "device:" + deviceId;
  }

  /** Hash of a device's presence: {@code online} (true/false) and {@code at}. */
  public static String presence(String deviceId) {
    return PREFIX + "presence:" + deviceId;
  }

  /** Hash IMEI → device id: which registered device an AIS-140 tracker is. */
  public static String ais140Imeis() {
    return PREFIX + "ais140:imei";
  }

  /**
   * Stream of registry changes: one entry ({@link #DEVICE_CHANGE_FIELD} = device id) per device
   * provisioned, changed or revoked, added in the same transaction as the change. The pipeline
   * follows it to forget what it cached about that device; trimmed to about {@link
   * #DEVICE_CHANGES_KEPT} entries.
   */
  public static String deviceChanges() {
    return PREFIX + "device-changes";
  }

  public static final String DEVICE_CHANGE_FIELD = "id";

  public static final long DEVICE_CHANGES_KEPT = 100_000;

  /** Hash instance → {@link DeliveryBacklog} JSON of one of the job's sinks; expires if stale. */
  public static String deliveryBacklog(String sink) {
    return PREFIX + "pipeline:backlog:" + sink;
  }

  /** Hash element id → {@link DeadLetter} JSON of what one of the job's sinks gave up on. */
  public static String deadLetters(String sink) {
    return PREFIX + "pipeline:dead-letters:" + sink;
  }

  /** The job's sink of alerts to officials, as named in the keys above. */
  public static final String ALERT_SINK = "alert-api";

  /** Set of every provisioned device id. */
  public static String devices() {
    return PREFIX + "devices";
  }

  /**
   * An emergency from an AIS-140 tracker no device is bound to, shown to a region's control room
   * ({@link UnregisteredEmergencyView} as JSON); it expires an hour after its last frame.
   */
  public static String unregisteredEmergency(String region, String imei) {
    return PREFIX + "unregistered-sos:" + region + ":" + imei;
  }

  /** Set of the IMEIs with an unregistered emergency shown to a region's control room. */
  public static String unregisteredEmergencies(String region) {
    return PREFIX + "unregistered-sos:" + region;
  }

  /** Pub/sub channel announcing live-state changes of a region (for control-room push). */
  public static String liveChannel(String region) {
    return PREFIX + "live:" + region;
  }
}
