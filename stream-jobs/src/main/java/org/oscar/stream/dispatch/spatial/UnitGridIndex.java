package org.oscar.stream.dispatch.spatial;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Predicate;
import org.oscar.contract.wire.Role;
import org.oscar.stream.geo.GeoDistance;

/**
 * The available units of a region in a uniform grid (cells of {@value #CELL_DEG} degrees, about 280
 * m), one grid per role, updated unit by unit as units move and change status. A nearest query
 * searches rings of cells outwards from the place and stops as soon as no unseen cell can hold a
 * nearer unit, so its cost depends on local density, not on the size of the fleet. Units sit in
 * their cell's list with their position, so a query reads no map per candidate.
 *
 * <p>Derived data: never in Flink state, rebuilt from the unit states after a restore.
 */
public final class UnitGridIndex {
  static final double CELL_DEG = 0.0025;
  private static final double METERS_PER_DEG_LAT = 111_195;
  private static final Comparator<Candidate> NEAREST_FIRST =
      Comparator.comparingDouble(Candidate::meters).thenComparing(Candidate::unitId);

  /** A unit found by a query and its straight-line distance to the place. */
  public record Candidate(String unitId, double lat, double lon, double meters) {}

  private record Entry(String unitId, Role role, double lat, double lon, long cell) {}

  private final Map<String, Entry> entries = new HashMap<>();
  private final Map<Role, CellMap<Entry>> cells = new EnumMap<>(Role.class);

  /**
   * Available units per role. Cells stay once used, so an empty grid does not tell that no unit of
   * a role is free; without this a query for a role with none free walked the whole grid.
   */
  private final Map<Role, Integer> available = new EnumMap<>(Role.class);

  private int minRow = Integer.MAX_VALUE;
  private int maxRow = Integer.MIN_VALUE;
  private int minCol = Integer.MAX_VALUE;
  private int maxCol = Integer.MIN_VALUE;

  /** Adds or moves an available unit. */
  public void put(String unitId, Role role, double lat, double lon) {
    remove(unitId);
    int row = row(lat);
    int col = col(lon);
    Entry e = new Entry(unitId, role, lat, lon, key(row, col));
    entries.put(unitId, e);
    cells.computeIfAbsent(role, r -> new CellMap<>()).getOrCreate(e.cell()).add(e);
    available.merge(role, 1, Integer::sum);
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
    cells.get(e.role()).get(e.cell()).remove(e);
    available.merge(e.role(), -1, Integer::sum);
  }

  public int size() {
    return entries.size();
  }

  /**
   * Up to {@code k} units of the role nearest to the place, nearest first (ties by unit id),
   * leaving out those {@code skip} accepts.
   */
  public List<Candidate> nearest(Role role, double lat, double lon, int k, Predicate<String> skip) {
    CellMap<Entry> grid = cells.get(role);
    if (grid == null || available.getOrDefault(role, 0) == 0 || k <= 0) {
      return new ArrayList<>();
    }
    // The k best so far, worst on top.
    PriorityQueue<Candidate> best = new PriorityQueue<>(k + 1, NEAREST_FIRST.reversed());
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
        boolean edgeRow = Math.abs(dr) == ring;
        // On the ring's top and bottom rows every column; in between only the two edge columns.
        for (int dc = -ring; dc <= ring; dc += edgeRow ? 1 : Math.max(1, 2 * ring)) {
          List<Entry> list = grid.get(key(row0 + dr, col0 + dc));
          if (list != null) {
            offer(best, list, lat, lon, k, skip);
          }
        }
      }
      if (best.size() == k && best.peek().meters() <= ring * cellMeters) {
        break;
      }
    }
    List<Candidate> found = new ArrayList<>(best);
    found.sort(NEAREST_FIRST);
    return found;
  }

  private static void offer(
      PriorityQueue<Candidate> best,
      List<Entry> list,
      double lat,
      double lon,
      int k,
      Predicate<String> skip) {
    for (int i = 0; i < list.size(); i++) {
      Entry e = list.get(i);
      if (skip.test(e.unitId())) {
        continue;
      }
      Candidate c =
          new Candidate(
              e.unitId(), e.lat(), e.lon(), GeoDistance.meters(lat, lon, e.lat(), e.lon()));
      if (best.size() < k) {
        best.add(c);
      } else if (NEAREST_FIRST.compare(c, best.peek()) < 0) {
        best.poll();
        best.add(c);
      }
    }
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
