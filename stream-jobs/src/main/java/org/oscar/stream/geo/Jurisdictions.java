package org.oscar.stream.geo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.oscar.contract.region.GeoJsonPolygons;

/**
 * Which police jurisdiction holds a point: the polygons' bounding boxes first, then an exact test
 * with JTS's indexed point-in-area locator on the few whose box holds the point. Built once per
 * operator instance from reference data; never put in Flink state.
 */
public final class Jurisdictions {
  public static final String BHUBANESWAR_RESOURCE =
      "/oscar/geo/bhubaneswar/police-jurisdictions.geojson";

  /** One jurisdiction: its bounding box and a locator over its edges. */
  private record Area(String name, Envelope box, IndexedPointInAreaLocator locator) {}

  /**
   * In name order: polygons of neighbouring stations share edges, and the first in name order that
   * covers a point wins, so the answer does not depend on how the areas are stored.
   */
  private final Area[] areas;

  public Jurisdictions(Map<String, Geometry> byName) {
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

  public static Jurisdictions bhubaneswar() {
    try (InputStream in = Jurisdictions.class.getResourceAsStream(BHUBANESWAR_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + BHUBANESWAR_RESOURCE);
      }
      return new Jurisdictions(GeoJsonPolygons.read(in, "Name"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The jurisdiction containing the point, or empty outside all of them. */
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
