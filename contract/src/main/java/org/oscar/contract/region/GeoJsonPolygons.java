package org.oscar.contract.region;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.oscar.contract.codec.Json;

/**
 * Reads named Polygon / MultiPolygon features of a GeoJSON FeatureCollection into JTS geometries (x
 * = longitude, y = latitude), and writes them. Only what the reference data uses; anything else is
 * an error.
 */
public final class GeoJsonPolygons {
  private GeoJsonPolygons() {}

  /** A named feature's geometry. */
  public record Named(String name, Geometry geometry) {}

  /** The features in file order; a repeated name is an error. */
  public static Map<String, Geometry> read(InputStream in, String nameProperty) {
    Map<String, Geometry> byName = new LinkedHashMap<>();
    for (Named f : features(in, nameProperty)) {
      if (byName.put(f.name(), f.geometry()) != null) {
        throw new IllegalArgumentException("two features named " + f.name());
      }
    }
    return byName;
  }

  /** Every feature in file order, repeated names included (a bundle check reports those). */
  public static List<Named> features(InputStream in, String nameProperty) {
    GeometryFactory factory = new GeometryFactory();
    List<Named> features = new ArrayList<>();
    try {
      JsonNode root = Json.mapper().readTree(in);
      if (root == null || !root.path("features").isArray()) {
        throw new IllegalArgumentException("not a GeoJSON FeatureCollection");
      }
      for (JsonNode feature : root.path("features")) {
        String name = feature.path("properties").path(nameProperty).asText(null);
        if (name == null || name.isBlank()) {
          throw new IllegalArgumentException("a feature without property " + nameProperty);
        }
        features.add(new Named(name, geometry(factory, feature.path("geometry"))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return features;
  }

  /**
   * Writes named polygons as a FeatureCollection, each name under {@code nameProperty} along with
   * {@code properties}' entries.
   */
  public static void write(
      Map<String, Geometry> byName,
      String nameProperty,
      Map<String, Object> properties,
      OutputStream out) {
    ObjectNode root = Json.mapper().createObjectNode().put("type", "FeatureCollection");
    ArrayNode features = root.putArray("features");
    byName.forEach(
        (name, g) -> {
          ObjectNode f = features.addObject().put("type", "Feature");
          ObjectNode props = f.putObject("properties").put(nameProperty, name);
          properties.forEach((k, v) -> props.putPOJO(k, v));
          f.set("geometry", geometryJson(g));
        });
    try {
      // Compact: a pretty-printed district boundary is one line per number.
      Json.mapper().writeValue(out, root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode geometryJson(Geometry g) {
    ObjectNode node = Json.mapper().createObjectNode();
    if (g instanceof Polygon p) {
      node.put("type", "Polygon");
      rings(node.putArray("coordinates"), p);
    } else if (g instanceof MultiPolygon mp) {
      node.put("type", "MultiPolygon");
      ArrayNode parts = node.putArray("coordinates");
      for (int i = 0; i < mp.getNumGeometries(); i++) {
        rings(parts.addArray(), (Polygon) mp.getGeometryN(i));
      }
    } else {
      throw new IllegalArgumentException("not a polygon: " + g.getGeometryType());
    }
    return node;
  }

  private static void rings(ArrayNode out, Polygon p) {
    ring(out.addArray(), p.getExteriorRing());
    for (int i = 0; i < p.getNumInteriorRing(); i++) {
      ring(out.addArray(), p.getInteriorRingN(i));
    }
  }

  private static void ring(ArrayNode out, LinearRing r) {
    for (Coordinate c : r.getCoordinates()) {
      out.addArray().add(c.x).add(c.y);
    }
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
    if (!rings.isArray() || rings.isEmpty()) {
      throw new IllegalArgumentException("a polygon without rings");
    }
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
      JsonNode p = points.get(i);
      if (!p.path(0).isNumber() || !p.path(1).isNumber()) {
        throw new IllegalArgumentException("a position that is not [longitude, latitude]");
      }
      cs[i] = new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
    }
    return factory.createLinearRing(cs);
  }
}
