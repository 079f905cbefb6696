package org.oscar.stream.dispatch.spatial;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.oscar.contract.wire.Role;
import org.oscar.stream.geo.GeoDistance;

/**
 * The available units of a region in a uniform grid (cells of {@value #CELL_DEG} degrees, about a
 * kilometre), one grid per role, updated unit by unit as units move and change status. A nearest
 * query searches rings of cells outwards from the place and stops as soon as no unseen cell can
 * hold a nearer unit, so its cost depends on local density, not on the size of the fleet.
 *
 * <p>Derived data: never in Flink state, rebuilt from the unit states after a restore.
 */
public final class UnitGridIndex {
  static final double CELL_DEG = 0.01;
  private static final double METERS_PER_DEG_LAT = 111_195;

  /** A unit found by a query and its straight-line distance to the place. */
  public record Candidate(String unitId, double lat, double lon, double meters) {}

  private record Entry(Role role, double lat, double lon, long cell) {}

  private final Map<String, Entry> entries = new HashMap<>();
  private final Map<Role, Map<Long, Set<String>>> cells = new EnumMap<>(Role.class);
  private int minRow = Integer.MAX_VALUE;
  private int maxRow = Integer.MIN_VALUE;
  private int minCol = Integer.MAX_VALUE;
  private int maxCol = Integer.MIN_VALUE;

  /** Adds or moves an available unit. */
  public void put(String unitId, Role role, double lat, double lon) {
    remove(unitId);
    int row = row(lat);
    int col = col(lon);
    long cell = key(row, col);
    entries.put(unitId, new Entry(role, lat, lon, cell));
    cells
        .computeIfAbsent(role, r -> new HashMap<>())
        .computeIfAbsent(cell, c -> new LinkedHashSet<>())
        .add(unitId);
    minRow = Math.min(minRow, row);
    maxRow = Math.max(maxRow, row);
    minCol = Math.min(minCol, col);
    maxCol = Math.max(maxCol, col);
  }

  /** Removes a unit that is no longer available; a no-op for a unit not in the index. */
  public void remove(String unitId) {
    Entry e = entries.remove(unitId);
    if (e == null) {
      return;
    }
    Map<Long, Set<String>> grid = cells.get(e.role());
    Set<String> ids = grid.get(e.cell());
    ids.remove(unitId);
    if (ids.isEmpty()) {
      grid.remove(e.cell());
    }
  }

  public boolean contains(String unitId) {
    return entries.containsKey(unitId);
  }

  public int size() {
    return entries.size();
  }

  /**
   * Up to {@code k} units of the role nearest to the place, nearest first (ties by unit id),
   * leaving out those {@code skip} accepts.
   */
  public List<Candidate> nearest(Role role, double lat, double lon, int k, Predicate<String> skip) {
    Map<Long, Set<String>> grid = cells.get(role);
    List<Candidate> found = new ArrayList<>();
    if (grid == null || grid.isEmpty() || k <= 0) {
      return found;
    }
    Comparator<Candidate> order =
        Comparator.comparingDouble(Candidate::meters).thenComparing(Candidate::unitId);
    int row0 = row(lat);
    int col0 = col(lon);
    // A unit outside ring r is at least r cells away along one axis.
    double cellMeters =
        CELL_DEG * METERS_PER_DEG_LAT * Math.min(1.0, Math.cos(Math.toRadians(Math.abs(lat))));
    int maxRing =
        Math.max(
            Math.max(Math.abs(row0 - minRow), Math.abs(row0 - maxRow)),
            Math.max(Math.abs(col0 - minCol), Math.abs(col0 - maxCol)));
    for (int ring = 0; ring <= maxRing; ring++) {
      for (int dr = -ring; dr <= ring; dr++) {
        for (int dc = -ring; dc <= ring; dc++) {
          if (Math.max(Math.abs(dr), Math.abs(dc)) != ring) {
            continue;
          }
          Set<String> ids = grid.get(key(row0 + dr, col0 + dc));
          if (ids == null) {
            continue;
          }
          for (String id : ids) {
            if (skip.test(id)) {
              continue;
            }
            Entry e = entries.get(id);
            found.add(
                new Candidate(
                    id, e.lat(), e.lon(), GeoDistance.meters(lat, lon, e.lat(), e.lon())));
          }
        }
      }
      if (found.size() >= k) {
        found.sort(order);
        if (found.get(k - 1).meters() <= ring * cellMeters) {
          break;
        }
      }
    }
    found.sort(order);
    return found.size() > k ? new ArrayList<>(found.subList(0, k)) : found;
  }

  private static int row(double lat) {
    return (int) Math.floor(lat / CELL_DEG);
  }

  private static int col(double lon) {
    return (int) Math.floor(lon / CELL_DEG);
  }

  private static long key(int row, int col) {
    return ((long) row << 32) ^ (col & 0xffffffffL);
  }
}
