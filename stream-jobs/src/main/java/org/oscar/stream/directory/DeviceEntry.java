package org.oscar.stream.directory;

import java.io.Serializable;
import org.oscar.contract.wire.DeviceKind;

/**
 * What the pipeline knows about a provisioned device: what it is, which region owns it, whether it
 * was revoked and, for a panic device, the hashes of its cancel and duress PINs (null if none).
 */
public record DeviceEntry(
    String id,
    DeviceKind kind,
    String region,
    String cancelPinHash,
    String duressPinHash,
    boolean revoked)
    implements Serializable {

  public DeviceEntry(
      String id, DeviceKind kind, String region, String cancelPinHash, String duressPinHash) {
    this(id, kind, region, cancelPinHash, duressPinHash, false);
  }

  public DeviceEntry(String id, DeviceKind kind, String region) {
    this(id, kind, region, null, null, false);
  }

  @Override
  public String toString() {
    return "DeviceEntry[" + id + ", " + kind + ", " + region + (revoked ? ", revoked" : "") + "]";
  }
}
