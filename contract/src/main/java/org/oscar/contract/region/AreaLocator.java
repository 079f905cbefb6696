package org.oscar.contract.region;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;

/**
 * Which named area holds a point: the areas' bounding boxes first, then an exact test with JTS's
 * indexed point-in-area locator on the few whose box holds the point. Built once from reference
 * data (police jurisdictions, region boundaries); never put in Flink state.
 */
public final class AreaLocator {
  /** One area: its bounding box and a locator over its edges. */
  private record Area(String name, Envelope box, IndexedPointInAreaLocator locator) {}

  /**
   * In name order: neighbouring areas share edges, and the first in name order that covers a point
   * wins, so the answer does not depend on how the areas are stored.
   */
  private final Area[] areas;

  public AreaLocator(Map<String, Geometry> byName) {
    this.areas =
        new TreeMap<>(byName)
            .entrySet().stream()
                .map(
                    e ->
                        new Area(
                            e.getKey(),
                            e.getValue().getEnvelopeInternal(),
                            new IndexedPointInAreaLocator(e.getValue())))
                .toArray(Area[]::new);
  }

  /** The area containing the point (its edge included), or empty outside all of them. */
  public Optional<String> at(double lat, double lon) {
    // A plain loop without allocation but the answer: this runs for every press and every move.
    Coordinate c = null;
    for (Area a : areas) {
      if (a.box().contains(lon, lat)) {
        if (c == null) {
          c = new Coordinate(lon, lat);
        }
        if (a.locator().locate(c) != Location.EXTERIOR) {
          return Optional.of(a.name());
        }
      }
    }
    return Optional.empty();
  }

  public int size() {
    return areas.length;
  }
}
