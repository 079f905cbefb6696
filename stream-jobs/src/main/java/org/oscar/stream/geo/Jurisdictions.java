package org.oscar.stream.geo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Which police jurisdiction holds a point: an STRtree over the polygons' envelopes, then an exact
 * test on prepared geometries. Built once per operator instance from reference data; never put in
 * Flink state.
 */
public final class Jurisdictions {
  public static final String BHUBANESWAR_RESOURCE =
      "/oscar/geo/bhubaneswar/police-jurisdictions.geojson";

  private record Area(String name, PreparedGeometry geometry) {}

  private final STRtree index = new STRtree();
  private final GeometryFactory factory = new GeometryFactory();
  private final int size;

  public Jurisdictions(Map<String, Geometry> byName) {
    byName.forEach(
        (name, g) ->
            index.insert(
                g.getEnvelopeInternal(), new Area(name, PreparedGeometryFactory.prepare(g))));
    index.build();
    this.size = byName.size();
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
    Point p = factory.createPoint(new Coordinate(lon, lat));
    @SuppressWarnings("unchecked")
    List<Area> candidates = index.query(p.getEnvelopeInternal());
    // Polygons of neighbouring stations share edges; the first in name order wins so the answer
    // does not depend on tree layout. A plain loop: this runs for every press and every move.
    String found = null;
    for (Area a : candidates) {
      if ((found == null || a.name().compareTo(found) < 0) && a.geometry().covers(p)) {
        found = a.name();
      }
    }
    return Optional.ofNullable(found);
  }

  public int size() {
    return size;
  }
}
