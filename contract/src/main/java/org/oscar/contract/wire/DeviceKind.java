package org.oscar.contract.wire;

/** What a registered device is; a unit's kind decides which roles it can be assigned. */
public enum DeviceKind {
  PANIC(DeviceClass.PANIC, null),
  POLICE(DeviceClass.UNIT, Role.POLICE),
  AMBULANCE(DeviceClass.UNIT, Role.AMBULANCE),
  OSC_VEHICLE(DeviceClass.UNIT, Role.OSC);

  private final DeviceClass deviceClass;
  private final Role role;

  DeviceKind(DeviceClass deviceClass, Role role) {
    this.deviceClass = deviceClass;
    this.role = role;
  }

  public DeviceClass deviceClass() {
    return deviceClass;
  }

  /** The role a unit of this kind fills; null for panic devices. */
  public Role role() {
    return role;
  }
}
