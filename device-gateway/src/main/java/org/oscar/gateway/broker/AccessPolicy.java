package org.oscar.gateway.broker;

import java.util.List;
import org.oscar.contract.wire.DeviceClass;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.contract.wire.Topics;

/**
 * What each kind of client may do on the broker, as the contract says: a device publishes only
 * under its own prefix and reads only its own downlink; the pipeline reads every uplink and writes
 * every downlink. Everything else is denied by the broker's default (publish and subscribe deny).
 */
public final class AccessPolicy {
  public static final String PIPELINE_ROLE = "oscar-pipeline";
  public static final String AIS140_GATEWAY_ROLE = "oscar-ais140-gateway";
  public static final String CONTROL_ROOM_ROLE = "oscar-control-room";

  private AccessPolicy() {}

  public static String roleOf(String deviceId) {
    return "device-" + deviceId;
  }

  public static List<AclRule> forDevice(DeviceKind kind, String deviceId) {
    DeviceClass cls = kind.deviceClass();
    String downlink = cls == DeviceClass.PANIC ? Topics.NOTICE : Topics.TASK;
    return List.of(
        AclRule.publish(Topics.ROOT + "/" + cls.segment() + "/" + deviceId + "/#"),
        AclRule.subscribe(Topics.of(cls, deviceId, downlink)));
  }

  /**
   * The pipeline's readers may also take the uplink through a shared subscription ({@code
   * $share/<group>/oscar/v1/…}), which Mosquitto checks against the ACL with its prefix.
   */
  public static List<AclRule> forPipeline() {
    return List.of(
        AclRule.subscribePattern(Topics.ROOT + "/#"),
        AclRule.subscribePattern("$share/+/" + Topics.ROOT + "/#"),
        AclRule.publish(Topics.ROOT + "/dev/+/" + Topics.NOTICE),
        AclRule.publish(Topics.ROOT + "/unit/+/" + Topics.TASK));
  }

  /** The alert API publishes the control room's overrides, and nothing else. */
  public static List<AclRule> forControlRoom() {
    return List.of(AclRule.publish(Topics.ROOT + "/ops/+/" + Topics.COMMAND));
  }

  /**
   * The AIS-140 adapter publishes for the trackers it serves, which cannot hold broker credentials
   * themselves: presses, positions and presence only; never cancels, unit statuses or acks, and it
   * reads nothing.
   */
  public static List<AclRule> forAis140Gateway() {
    return List.of(
        AclRule.publish(Topics.ROOT + "/dev/+/" + Topics.SOS),
        AclRule.publish(Topics.ROOT + "/dev/+/" + Topics.POS),
        AclRule.publish(Topics.ROOT + "/dev/+/" + Topics.ONLINE),
        AclRule.publish(Topics.ROOT + "/unit/+/" + Topics.POS),
        AclRule.publish(Topics.ROOT + "/unit/+/" + Topics.ONLINE));
  }
}
