package org.oscar.stream.dispatch;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.oscar.contract.live.AssignmentView;
import org.oscar.contract.wire.Role;
import org.oscar.stream.geo.Jurisdictions;

/**
 * Decides, in one step, who answers a press: the nearest available POLICE unit and the nearest
 * available AMBULANCE, and the police jurisdiction of the place. Pure: the same units and press
 * always give the same plan.
 */
public final class DispatchPlanner implements Serializable {
  private static final Role[] ROLES = {Role.POLICE, Role.AMBULANCE};

  private final TravelTimeEstimator travelTime;
  private final Duration ackTimeout;

  public DispatchPlanner(TravelTimeEstimator travelTime, Duration ackTimeout) {
    this.travelTime = travelTime;
    this.ackTimeout = ackTimeout;
  }

  public static String incidentId(String deviceId, long pressSeq) {
    return "INC-" + deviceId + "-" + pressSeq;
  }

  public DispatchPlan plan(Press press, Iterable<UnitState> units, Jurisdictions jurisdictions) {
    String incidentId = incidentId(press.deviceId(), press.seq());
    List<AssignmentView> assignments = new ArrayList<>(ROLES.length);
    for (Role role : ROLES) {
      NearestUnitFinder.nearest(units, role, press.lat(), press.lon())
          .ifPresent(
              u ->
                  assignments.add(
                      new AssignmentView(
                          incidentId + "-" + role.name().charAt(0) + "-" + u.unitId(),
                          u.unitId(),
                          role,
                          travelTime.etaSeconds(
                              u.kind(), u.lat(), u.lon(), press.lat(), press.lon()),
                          press.at() + ackTimeout.toMillis())));
    }
    String jurisdiction = jurisdictions.at(press.lat(), press.lon()).orElse(null);
    return new DispatchPlan(incidentId, jurisdiction, assignments);
  }

  /** A press as the planner needs it; {@code at} is when the pipeline received it. */
  public record Press(
      String deviceId, long seq, double lat, double lon, boolean injured, long at) {}
}
