package org.oscar.stream.geo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.oscar.contract.codec.Json;

/**
 * Reads named Polygon / MultiPolygon features of a GeoJSON FeatureCollection into JTS geometries (x
 * = longitude, y = latitude). Only what the reference data uses; anything else is an error.
 */
public final class GeoJsonPolygons {
  private GeoJsonPolygons() {}

  public static Map<String, Geometry> read(InputStream in, String nameProperty) {
    GeometryFactory factory = new GeometryFactory();
    Map<String, Geometry> byName = new LinkedHashMap<>();
    try {
      JsonNode root = Json.mapper().readTree(in);
      for (JsonNode feature : root.path("features")) {
        String name = feature.path("properties").path(nameProperty).asText(null);
        JsonNode geometry = feature.path("geometry");
        if (name == null) {
          throw new IllegalArgumentException("feature without property " + nameProperty);
        }
        byName.put(name, geometry(factory, geometry));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return byName;
  }

  private static Geometry geometry(GeometryFactory factory, JsonNode g) {
    String type = g.path("type").asText();
    JsonNode coords = g.path("coordinates");
    return switch (type) {
      case "Polygon" -> polygon(factory, coords);
      case "MultiPolygon" -> {
        List<Polygon> parts = new ArrayList<>();
        for (JsonNode p : coords) {
          parts.add(polygon(factory, p));
        }
        yield factory.createMultiPolygon(parts.toArray(new Polygon[0]));
      }
      default -> throw new IllegalArgumentException("unsupported geometry " + type);
    };
  }

  private static Polygon polygon(GeometryFactory factory, JsonNode rings) {
    LinearRing shell = ring(factory, rings.get(0));
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int i = 1; i < rings.size(); i++) {
      holes[i - 1] = ring(factory, rings.get(i));
    }
    return factory.createPolygon(shell, holes);
  }

  private static LinearRing ring(GeometryFactory factory, JsonNode points) {
    Coordinate[] cs = new Coordinate[points.size()];
    for (int i = 0; i < points.size(); i++) {
      cs[i] = new Coordinate(points.get(i).get(0).asDouble(), points.get(i).get(1).asDouble());
    }
    return factory.createLinearRing(cs);
  }
}
