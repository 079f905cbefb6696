package org.oscar.stream.region;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.oscar.contract.codec.Json;
import org.oscar.contract.region.BundleFacility;
import org.oscar.contract.region.Contact;
import org.oscar.contract.region.DispatchPolicy;
import org.oscar.contract.region.GeoJsonPolygons;
import org.oscar.contract.region.RegionBundle;
import org.oscar.contract.region.RegionBundleReader;
import org.oscar.contract.region.RegionPosts;

/**
 * Writes a first bundle for every district of a boundaries file: its boundary, one jurisdiction
 * (the district police control room) unless station polygons are given, a One Stop Centre, a
 * hospital and a Shakti Sadan placed at the district headquarters and labelled illustrative, demo
 * contacts for every post the default policy alerts, and the default policy. A starting point to be
 * corrected with real data, never a substitute for it; an existing bundle folder is left as it is.
 *
 * <p>Where station polygons are given for a district, they are its police's own jurisdictions and
 * win over the district boundary: the district's boundary gains whatever of them lies outside it
 * (two data sets drawn differently), and every other district loses the same, so a place belongs to
 * one region only.
 */
public final class BundleScaffold {
  private static final GeometryFactory GEOMETRY = new GeometryFactory();

  /** What to scaffold. {@code stations}: a region id and its stations' GeoJSON (property Name). */
  public record Request(
      Path districts,
      String districtProperty,
      Path headquarters,
      String state,
      String dispatchRegion,
      Map<String, Path> stations,
      Path out) {}

  private BundleScaffold() {}

  /** Scaffolds every district not yet in {@code out}; returns the ids written. */
  public static List<String> write(Request r) {
    Map<String, Geometry> districts = read(r.districts(), r.districtProperty());
    Map<String, Point> hqs = headquarters(r.headquarters());
    Map<String, Map<String, Geometry>> stationsByRegion = new LinkedHashMap<>();
    r.stations().forEach((id, file) -> stationsByRegion.put(id, read(file, "Name")));
    List<String> written = new ArrayList<>();
    for (var d : districts.entrySet()) {
      String id = slug(d.getKey());
      Path folder = r.out().resolve(id);
      if (Files.exists(folder)) {
        continue;
      }
      Geometry boundary = d.getValue();
      Map<String, Geometry> stations = stationsByRegion.getOrDefault(id, Map.of());
      for (var other : stationsByRegion.entrySet()) {
        Geometry all = UnaryUnionOp.union(other.getValue().values());
        boundary = other.getKey().equals(id) ? boundary.union(all) : boundary.difference(all);
      }
      writeBundle(folder, id, d.getKey(), boundary, stations, hqs.get(d.getKey()), r);
      written.add(id);
    }
    return written;
  }

  private static void writeBundle(
      Path folder,
      String id,
      String district,
      Geometry boundary,
      Map<String, Geometry> stations,
      Point hq,
      Request r) {
    String place = "the district headquarters";
    if (hq == null || !boundary.covers(hq)) {
      hq = boundary.getInteriorPoint();
      place = "an interior point of the district, as the data has no headquarters position";
    }
    double lat = hq.getY();
    double lon = hq.getX();
    String code = id.toUpperCase(Locale.ROOT);
    String note = " (illustrative: placed at " + place + ")";
    List<BundleFacility> oscs =
        List.of(
            new BundleFacility(
                "OSC-" + code, "Sakhi One Stop Centre, " + district + note, lat, lon, false, true));
    List<BundleFacility> hospitals =
        List.of(
            new BundleFacility(
                "HOSP-" + code + "-DHH",
                "District Headquarters Hospital, " + district + note,
                lat,
                lon,
                true,
                true));
    List<BundleFacility> shelters =
        List.of(
            new BundleFacility(
                "SHAKTI-SADAN-" + code, "Shakti Sadan, " + district + note, lat, lon, false, true));
    String controlRoom = district + " District Police Control Room";
    DispatchPolicy policy = DispatchPolicy.defaults();
    RegionBundle draft =
        new RegionBundle(
            id,
            district,
            r.state(),
            r.dispatchRegion(),
            controlRoom,
            boundary,
            stations,
            oscs,
            hospitals,
            shelters,
            Map.of(),
            policy);
    Map<String, Contact> officials = new LinkedHashMap<>();
    int n = 0;
    for (String post : RegionPosts.named(draft).keySet()) {
      n++;
      officials.put(
          post,
          new Contact(
              post + " (demo)",
              String.format("+9100%03d%05d", Math.abs(id.hashCode()) % 1000, n),
              slug(post) + "@example.in"));
    }
    try {
      Files.createDirectories(folder);
      ObjectNode header = Json.mapper().createObjectNode();
      header.put(
          "_comment",
          "Scaffolded by `oscar region scaffold`. The boundary is real (see ../ATTRIBUTION.md);"
              + " every facility position is ILLUSTRATIVE, every contact is a demo placeholder, and"
              + " the policy is this project's default: replace them with the district's own"
              + " before it goes live.");
      header.put("region", id);
      header.put("district", district);
      header.put("state", r.state());
      if (r.dispatchRegion() != null) {
        header.put("dispatchRegion", r.dispatchRegion());
      }
      header.put("districtControlRoom", controlRoom);
      header.set("oscs", Json.mapper().valueToTree(oscs));
      header.set("hospitals", Json.mapper().valueToTree(hospitals));
      header.set("shelters", Json.mapper().valueToTree(shelters));
      writeJson(folder.resolve(RegionBundleReader.REGION), header);
      writeJson(folder.resolve(RegionBundleReader.OFFICIALS), officials);
      writeJson(folder.resolve(RegionBundleReader.DISPATCH_POLICY), policy);
      try (OutputStream out = Files.newOutputStream(folder.resolve(RegionBundleReader.BOUNDARY))) {
        GeoJsonPolygons.write(Map.of(district, boundary), "name", Map.of("region", id), out);
      }
      if (!stations.isEmpty()) {
        try (OutputStream out =
            Files.newOutputStream(folder.resolve(RegionBundleReader.JURISDICTIONS))) {
          GeoJsonPolygons.write(stations, "Name", Map.of(), out);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + folder, e);
    }
  }

  private static void writeJson(Path file, Object value) throws IOException {
    Json.mapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), value);
  }

  private static Map<String, Geometry> read(Path file, String property) {
    try (InputStream in = Files.newInputStream(file)) {
      return GeoJsonPolygons.read(in, property);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Headquarters by district; a feature without a geometry is left out. */
  private static Map<String, Point> headquarters(Path file) {
    Map<String, Point> byDistrict = new LinkedHashMap<>();
    if (file == null) {
      return byDistrict;
    }
    try {
      JsonNode root = Json.mapper().readTree(file.toFile());
      for (JsonNode f : root.path("features")) {
        JsonNode c = f.path("geometry").path("coordinates");
        if (c.isArray() && c.size() >= 2) {
          byDistrict.put(
              f.path("properties").path("district").asText(),
              GEOMETRY.createPoint(new Coordinate(c.get(0).asDouble(), c.get(1).asDouble())));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return byDistrict;
  }

  /** Lower case, runs of anything but letters and digits as one dash. */
  static String slug(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }
}
