package org.oscar.gateway.ais140;

/**
 * Where an emergency from a tracker no device is bound to goes: not dispatched (it proves nothing
 * about who sent it), but shown to a control room, which decides. See docs/ais140.md for the
 * trade-off against spoofing.
 */
@FunctionalInterface
public interface UnregisteredEmergencies {
  /** Shows nobody: the emergency is only counted (no region configured for such alarms). */
  UnregisteredEmergencies NONE = (imei, lat, lon, at) -> false;

  /**
   * Shows the emergency; {@code lat}/{@code lon} null when the frame gave no place. Returns whether
   * it was shown. Blocking.
   */
  boolean show(String imei, Double lat, Double lon, long at);
}
