package org.oscar.stream.dispatch;

import java.util.Optional;
import org.oscar.contract.wire.Role;
import org.oscar.stream.geo.GeoDistance;

/**
 * The nearest available unit that can fill a role, by straight-line distance. Ties go to the
 * smaller unit id so the choice never depends on iteration order (replays decide the same way). A
 * linear scan: the spatial index comes with the dispatch engine.
 */
public final class NearestUnitFinder {
  private NearestUnitFinder() {}

  public static Optional<UnitState> nearest(
      Iterable<UnitState> units, Role role, double lat, double lon) {
    UnitState best = null;
    double bestMeters = Double.POSITIVE_INFINITY;
    for (UnitState u : units) {
      if (!u.isAvailable() || u.kind().role() != role) {
        continue;
      }
      double m = GeoDistance.meters(u.lat(), u.lon(), lat, lon);
      if (m < bestMeters || (m == bestMeters && u.unitId().compareTo(best.unitId()) < 0)) {
        best = u;
        bestMeters = m;
      }
    }
    return Optional.ofNullable(best);
  }
}
