package org.oscar.stream.dispatch.model;

public enum AssignmentStatus {
  /** Task sent, not yet acknowledged. */
  ASSIGNED,
  /** The unit accepted (ack or EN_ROUTE). */
  ACCEPTED,
  /** The unit reached her (geofence or ON_SCENE). */
  ARRIVED
}
