package org.oscar.alert.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.oscar.contract.region.GeoJsonPolygons;
import org.oscar.contract.region.RegionBundle;
import org.oscar.contract.region.RegionCatalog;

/**
 * The base map of a user's regions: each region's boundary (simplified to about 50 m, enough for a
 * map, a sixth of the size) and its police-station jurisdictions, and the box the map opens on.
 * Built once per region and bundle version.
 */
final class RegionAreas {
  /** About 50 m: a district outline at state zoom, not a legal boundary. */
  private static final double SIMPLIFY_DEG = 0.0005;

  private final Supplier<RegionCatalog> regions;

  /** A region's features, valid while the catalog still holds that very bundle. */
  private record Built(RegionBundle bundle, JsonArray features) {}

  private final Map<String, Built> built = new ConcurrentHashMap<>();

  RegionAreas(Supplier<RegionCatalog> regions) {
    this.regions = regions;
  }

  /**
   * A GeoJSON FeatureCollection of the regions, with {@code bounds}: [south, west, north, east].
   */
  JsonObject of(Collection<String> userRegions) {
    RegionCatalog catalog = regions.get();
    JsonArray all = new JsonArray();
    Envelope box = new Envelope();
    for (String region : userRegions.stream().sorted().toList()) {
      RegionBundle b = catalog.bundle(region).orElse(null);
      if (b == null) {
        continue;
      }
      Built cached = built.get(region);
      if (cached == null || cached.bundle() != b) {
        cached = new Built(b, featuresOf(b));
        built.put(region, cached);
      }
      cached.features().forEach(all::add);
      box.expandToInclude(b.boundary().getEnvelopeInternal());
    }
    JsonObject out = new JsonObject().put("type", "FeatureCollection").put("features", all);
    if (!box.isNull()) {
      out.put(
          "bounds",
          new JsonArray()
              .add(box.getMinY())
              .add(box.getMinX())
              .add(box.getMaxY())
              .add(box.getMaxX()));
    }
    return out;
  }

  private static JsonArray featuresOf(RegionBundle b) {
    JsonArray out = new JsonArray();
    Geometry outline = TopologyPreservingSimplifier.simplify(b.boundary(), SIMPLIFY_DEG);
    feature(out, Map.of(b.district(), outline), "region", b, "REGION");
    feature(out, b.stations(), "station", b, "STATION");
    return out;
  }

  private static void feature(
      JsonArray out, Map<String, Geometry> shapes, String what, RegionBundle b, String kind) {
    if (shapes.isEmpty()) {
      return;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    GeoJsonPolygons.write(
        shapes,
        "Name",
        Map.of("kind", kind, "region", b.region(), "district", b.district()),
        bytes);
    new JsonObject(bytes.toString(StandardCharsets.UTF_8))
        .getJsonArray("features")
        .forEach(out::add);
  }
}
