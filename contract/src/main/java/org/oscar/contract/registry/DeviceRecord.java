package org.oscar.contract.registry;

import java.util.HashMap;
import java.util.Map;
import org.oscar.contract.wire.DeviceKind;

/**
 * A provisioned device as the registry keeps it. The device's broker secret is not here: the broker
 * keeps only its hash, and the registry never sees it after it was printed once. PINs are PBKDF2
 * hashes ({@link org.oscar.contract.security.PinHash}); null if none was set.
 */
public record DeviceRecord(
    String id,
    DeviceKind kind,
    String region,
    DeviceStatus status,
    long createdAt,
    String cancelPinHash,
    String duressPinHash) {

  /**
   * The field of a panic device's registry hash that holds the number she asked to be called back
   * on, if she gave one. Kept out of this record on purpose: only the alert API reads it, for her
   * district's control room, when her press came without a location.
   */
  public static final String CALL_BACK_FIELD = "callBack";

  /** A phone number as the registry keeps it: an optional +, then 6 to 15 digits. */
  public static boolean isPhoneNumber(String s) {
    return s != null && s.matches("\\+?[0-9]{6,15}");
  }

  public enum DeviceStatus {
    ACTIVE,
    REVOKED
  }

  public boolean isActive() {
    return status == DeviceStatus.ACTIVE;
  }

  public DeviceRecord revoked() {
    return new DeviceRecord(
        id, kind, region, DeviceStatus.REVOKED, createdAt, cancelPinHash, duressPinHash);
  }

  /** The Redis hash fields of this record. */
  public Map<String, String> toHash() {
    Map<String, String> h = new HashMap<>();
    h.put("kind", kind.name());
    h.put("region", region);
    h.put("status", status.name());
    h.put("createdAt", Long.toString(createdAt));
    if (cancelPinHash != null) {
      h.put("cancelPinHash", cancelPinHash);
    }
    if (duressPinHash != null) {
      h.put("duressPinHash", duressPinHash);
    }
    return h;
  }

  public static DeviceRecord fromHash(String id, Map<String, String> h) {
    return new DeviceRecord(
        id,
        DeviceKind.valueOf(h.get("kind")),
        h.get("region"),
        DeviceStatus.valueOf(h.get("status")),
        Long.parseLong(h.getOrDefault("createdAt", "0")),
        h.get("cancelPinHash"),
        h.get("duressPinHash"));
  }

  @Override
  public String toString() {
    return "DeviceRecord[" + id + ", " + kind + ", " + region + ", " + status + "]";
  }
}
