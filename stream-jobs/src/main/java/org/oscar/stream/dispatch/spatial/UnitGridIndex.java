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
 * The available units of a dispatch region in uniform grids (cells of {@value #CELL_DEG} degrees,
 * about 280 m): per role, one grid of every unit and one per home region, updated unit by unit as
 * units move and change status. A nearest query searches rings of cells outwards from the place and
 * stops as soon as no unseen cell can hold a nearer unit, so its cost depends on local density, not
 * on the size of the fleet; a query for a role with only far units left (a grid spanning a state)
 * reads every used cell once instead of walking empty rings. Units sit in their cell's list with
 * their position, so a query reads no map per candidate.
 *
 * <p>Derived data: never in Flink state, rebuilt from the unit states after a restore.
 */
public final class UnitGridIndex {
  static final double CELL_DEG = 0.0025;
  private static final double METERS_PER_DEG_LAT = 111_195;
  private static final Comparator<Candidate> NEAREST_FIRST =
      Comparator.comparingDouble(Candidate::meters).thenComparing(Candidate::unitId);
  private static final String NO_REGION = "";

  /** A unit found by a query and its straight-line distance to the place. */
  public record Candidate(String unitId, double lat, double lon, double meters) {}

  private record Entry(
      String unitId, Role role, String region, double lat, double lon, long cell) {}

  private final Map<String, Entry> entries = new HashMap<>();
  private final Map<Role, Grid> everyRegion = new EnumMap<>(Role.class);
  private final Map<Role, Map<String, Grid>> byRegion = new EnumMap<>(Role.class);

  /** Adds or moves an available unit of no particular region. */
  public void put(String unitId, Role role, double lat, double lon) {
    put(unitId, role, NO_REGION, lat, lon);
  }

  /** Adds or moves an available unit of a home region. */
  public void put(String unitId, Role role, String region, double lat, double lon) {
    remove(unitId);
    String home = region == null ? NO_REGION : region;
    Entry e = new Entry(unitId, role, home, lat, lon, key(row(lat), col(lon)));
    entries.put(unitId, e);
    everyRegion.computeIfAbsent(role, r -> new Grid()).add(e);
    byRegion
        .computeIfAbsent(role, r -> new HashMap<>())
        .computeIfAbsent(home, r -> new Grid())
        .add(e);
  }

  /** Removes a unit that is no longer available; a no-op for a unit not in the index. */
  public void remove(String unitId) {
    Entry e = entries.remove(unitId);
    if (e == null) {
      return;
    }
    everyRegion.get(e.role()).remove(e);
    byRegion.get(e.role()).get(e.region()).remove(e);
  }

  public int size() {
    return entries.size();
  }

  /**
   * Up to {@code k} units of the role nearest to the place, of any home region, nearest first (ties
   * by unit id), leaving out those {@code skip} accepts.
   */
  public List<Candidate> nearest(Role role, double lat, double lon, int k, Predicate<String> skip) {
    return search(everyRegion.get(role), lat, lon, k, skip);
  }

  /** As {@link #nearest(Role, double, double, int, Predicate)}, among one home region's units. */
  public List<Candidate> nearest(
      Role role, String region, double lat, double lon, int k, Predicate<String> skip) {
    Map<String, Grid> grids = byRegion.get(role);
    return search(grids == null ? null : grids.get(region), lat, lon, k, skip);
  }

  private static List<Candidate> search(
      Grid grid, double lat, double lon, int k, Predicate<String> skip) {
    if (grid == null || grid.available == 0 || k <= 0) {
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
            Math.max(Math.abs(row0 - grid.minRow), Math.abs(row0 - grid.maxRow)),
            Math.max(Math.abs(col0 - grid.minCol), Math.abs(col0 - grid.maxCol)));
    // Past this many cells, reading every used cell once is cheaper than walking on.
    long budget = Math.max(64, grid.cells.size());
    long visited = 0;
    for (int ring = 0; ring <= maxRing; ring++) {
      for (int dr = -ring; dr <= ring; dr++) {
        boolean edgeRow = Math.abs(dr) == ring;
        // On the ring's top and bottom rows every column; in between only the two edge columns.
        for (int dc = -ring; dc <= ring; dc += edgeRow ? 1 : Math.max(1, 2 * ring)) {
          List<Entry> list = grid.cells.get(key(row0 + dr, col0 + dc));
          if (list != null) {
            offer(best, list, lat, lon, k, skip);
          }
          visited++;
        }
      }
      if (best.size() == k && best.peek().meters() <= ring * cellMeters) {
        break;
      }
      if (visited > budget) {
        best.clear();
        grid.cells.forEachList(list -> offer(best, list, lat, lon, k, skip));
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

  /** One grid: the cells, how many units are in them, and the rows and columns ever used. */
  private static final class Grid {
    final CellMap<Entry> cells = new CellMap<>();

    /**
     * Cells stay once used, so an empty grid does not tell that no unit is free; without this a
     * query for a role with none free walked the whole grid.
     */
    int available;

    int minRow = Integer.MAX_VALUE;
    int maxRow = Integer.MIN_VALUE;
    int minCol = Integer.MAX_VALUE;
    int maxCol = Integer.MIN_VALUE;

    void add(Entry e) {
      cells.getOrCreate(e.cell()).add(e);
      available++;
      int row = (int) (e.cell() >> 32);
      int col = (int) e.cell();
      minRow = Math.min(minRow, row);
      maxRow = Math.max(maxRow, row);
      minCol = Math.min(minCol, col);
      maxCol = Math.max(maxCol, col);
    }

    void remove(Entry e) {
      cells.get(e.cell()).remove(e);
      available--;
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
