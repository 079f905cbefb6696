package org.oscar.contract.wire;

/** What a unit is asked to do for an incident; also the kind of unit that can do it. */
public enum Role {
  POLICE,
  AMBULANCE,
  OSC
}
