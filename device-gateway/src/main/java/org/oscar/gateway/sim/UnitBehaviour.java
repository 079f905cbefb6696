package org.oscar.gateway.sim;

/**
 * How simulated crews answer tasks: the share that decline, the share that stay silent (the rest
 * accept), and how long they stay on scene and at the facility.
 */
record UnitBehaviour(double declineRate, double silenceRate, int onSceneS, int atFacilityS) {
  UnitBehaviour {
    if (declineRate < 0 || silenceRate < 0 || declineRate + silenceRate > 1) {
      throw new IllegalArgumentException("decline and silence rates must be in [0, 1] together");
    }
  }
}
