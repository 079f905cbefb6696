package org.oscar.contract.region;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.oscar.contract.codec.Json;

/**
 * Reads one region bundle folder and checks it, listing every problem at once rather than stopping
 * at the first, so that whoever prepares a district fixes them in one pass:
 *
 * <ul>
 *   <li>{@value #REGION} (ids, names, facilities), {@value #BOUNDARY}, {@value #JURISDICTIONS}
 *       (optional), {@value #OFFICIALS} and {@value #DISPATCH_POLICY} are present and readable;
 *   <li>every polygon is valid and inside the boundary; every facility is inside the boundary;
 *   <li>every post the policy can alert has a usable contact;
 *   <li>ids are unique within the bundle ({@link RegionCatalog} checks them across bundles).
 * </ul>
 */
public final class RegionBundleReader {
  public static final String REGION = "region.json";
  public static final String BOUNDARY = "boundary.geojson";
  public static final String JURISDICTIONS = "jurisdictions.geojson";
  public static final String OFFICIALS = "officials.json";
  public static final String DISPATCH_POLICY = "dispatch-policy.json";

  /** Lower-case letters, digits and dashes: the id travels in topics, keys and URLs. */
  private static final Pattern REGION_ID = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  private static final double METRES_PER_DEGREE = 111_320;

  /**
   * How far a station may stray past the boundary without a tolerance of its own: a boundary built
   * as the union of a district and its stations holds them only up to rounding.
   */
  private static final double MIN_TOLERANCE_M = 1;

  /** What {@value #REGION} holds, as written. */
  private record Header(
      String region,
      String district,
      String state,
      String dispatchRegion,
      String districtControlRoom,
      Double boundaryToleranceM,
      List<BundleFacility> oscs,
      List<BundleFacility> hospitals,
      List<BundleFacility> shelters) {}

  /**
   * The bundle if it can be served (no problems), every problem found, and the bundle as far as it
   * could be read ({@code partial}, null without a readable header and boundary), so that ids it
   * shares with other bundles are reported too.
   */
  public record Result(
      Path folder, RegionBundle bundle, List<String> problems, RegionBundle partial) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private final Path folder;
  private final List<String> problems = new ArrayList<>();

  private RegionBundleReader(Path folder) {
    this.folder = folder;
  }

  public static Result read(Path folder) {
    return new RegionBundleReader(folder).read();
  }

  private Result read() {
    Header h = readJson(REGION, new TypeReference<Header>() {});
    Geometry boundary = readBoundary();
    Map<String, Geometry> stations = readStations();
    Map<String, Contact> officials = readJson(OFFICIALS, new TypeReference<>() {});
    DispatchPolicy policy = readJson(DISPATCH_POLICY, new TypeReference<DispatchPolicy>() {});
    if (officials != null) {
      officials.forEach((post, c) -> problem(OFFICIALS, Contact.problems(post, c)));
    }
    if (policy != null) {
      problem(DISPATCH_POLICY, policy.problems());
    }
    if (h == null) {
      return new Result(folder, null, List.copyOf(problems), null);
    }
    checkHeader(h);
    if (stations.containsKey(h.districtControlRoom())) {
      problem(REGION, "districtControlRoom " + h.districtControlRoom() + " is also a station");
    }
    if (boundary == null) {
      return new Result(folder, null, List.copyOf(problems), null);
    }
    checkInside(h, boundary, stations);
    // Checked with whatever could be read, so that one bad file does not hide the others' problems.
    RegionBundle bundle =
        new RegionBundle(
            h.region(),
            h.district(),
            h.state(),
            h.dispatchRegion(),
            h.districtControlRoom(),
            boundary,
            stations,
            orEmpty(h.oscs()),
            orEmpty(h.hospitals()),
            orEmpty(h.shelters()),
            officials == null ? Map.of() : officials,
            policy == null ? DispatchPolicy.defaults() : policy);
    checkFacilities(bundle);
    if (officials != null && policy != null) {
      RegionPosts.named(bundle)
          .forEach(
              (post, lists) -> {
                if (!officials.containsKey(post)) {
                  problem(
                      OFFICIALS,
                      "no contact for " + post + " (named by " + String.join(", ", lists) + ")");
                }
              });
    }
    return new Result(folder, problems.isEmpty() ? bundle : null, List.copyOf(problems), bundle);
  }

  private void checkInside(Header h, Geometry boundary, Map<String, Geometry> stations) {
    if (stations.isEmpty()) {
      return;
    }
    Double given = h.boundaryToleranceM();
    // An out-of-range tolerance is a problem of its own (checkHeader); the check goes on without
    // it.
    double toleranceM =
        given == null || !(given >= 0 && given <= 5_000)
            ? MIN_TOLERANCE_M
            : Math.max(MIN_TOLERANCE_M, given);
    try {
      Geometry area = boundary.buffer(toleranceM / METRES_PER_DEGREE);
      stations.forEach(
          (name, g) -> {
            if (!area.covers(g)) {
              problem(JURISDICTIONS, name + " is not inside the region's boundary");
            }
          });
    } catch (RuntimeException e) {
      problem(JURISDICTIONS, "cannot compare the stations with the boundary: " + e.getMessage());
    }
  }

  private void checkHeader(Header h) {
    String name = folder.getFileName().toString();
    if (h.region() == null || !REGION_ID.matcher(h.region()).matches()) {
      problem(REGION, "region must be lower-case letters, digits and dashes, got " + h.region());
    } else if (!h.region().equals(name)) {
      problem(REGION, "region " + h.region() + " is not the folder's name " + name);
    }
    if (h.dispatchRegion() != null && !REGION_ID.matcher(h.dispatchRegion()).matches()) {
      problem(REGION, "dispatchRegion must be lower-case letters, digits and dashes");
    }
    if (blank(h.district())) {
      problem(REGION, "district is missing");
    }
    if (blank(h.state())) {
      problem(REGION, "state is missing");
    }
    if (blank(h.districtControlRoom())) {
      problem(REGION, "districtControlRoom is missing");
    }
    if (h.boundaryToleranceM() != null
        && !(h.boundaryToleranceM() >= 0 && h.boundaryToleranceM() <= 5_000)) {
      problem(REGION, "boundaryToleranceM must be between 0 and 5000");
    }
  }

  private void checkFacilities(RegionBundle b) {
    if (b.oscs().isEmpty()) {
      problem(REGION, "no One Stop Centre");
    }
    if (b.mlcHospitals().isEmpty()) {
      problem(REGION, "no hospital designated for medico-legal cases (mlc)");
    }
    GeometryFactory factory = new GeometryFactory();
    Set<String> ids = new HashSet<>();
    for (var list :
        Map.of("oscs", b.oscs(), "hospitals", b.hospitals(), "shelters", b.shelters()).entrySet()) {
      for (BundleFacility f : list.getValue()) {
        if (blank(f.id()) || blank(f.name())) {
          problem(REGION, list.getKey() + ": a facility needs an id and a name");
          continue;
        }
        if (!ids.add(f.id())) {
          problem(REGION, "facility id " + f.id() + " is used twice");
        }
        if (!f.hasPosition()) {
          problem(REGION, f.id() + " needs a lat and a lon");
        } else if (!b.boundary().covers(factory.createPoint(new Coordinate(f.lon(), f.lat())))) {
          problem(
              REGION,
              f.id() + " (" + f.lat() + ", " + f.lon() + ") is not inside the region's boundary");
        }
      }
    }
  }

  private Geometry readBoundary() {
    List<GeoJsonPolygons.Named> features = readFeatures(BOUNDARY, "name", true);
    if (features == null) {
      return null;
    }
    if (features.size() != 1) {
      problem(BOUNDARY, "must hold exactly one feature, holds " + features.size());
      return null;
    }
    Geometry g = features.get(0).geometry();
    return valid(BOUNDARY, "the boundary", g) ? g : null;
  }

  /** The valid stations (none if the file is absent); the others are problems. */
  private Map<String, Geometry> readStations() {
    Map<String, Geometry> byName = new LinkedHashMap<>();
    if (!Files.exists(folder.resolve(JURISDICTIONS))) {
      return byName;
    }
    List<GeoJsonPolygons.Named> features = readFeatures(JURISDICTIONS, "Name", true);
    for (GeoJsonPolygons.Named f : features == null ? List.<GeoJsonPolygons.Named>of() : features) {
      if (byName.containsKey(f.name())) {
        problem(JURISDICTIONS, "two stations named " + f.name());
      } else if (valid(JURISDICTIONS, f.name(), f.geometry())) {
        byName.put(f.name(), f.geometry());
      }
    }
    return byName;
  }

  private boolean valid(String file, String what, Geometry g) {
    var error = new IsValidOp(g).getValidationError();
    if (error != null) {
      problem(
          file,
          what + " is not a valid polygon: " + error.getMessage() + " at " + error.getCoordinate());
      return false;
    }
    return true;
  }

  private List<GeoJsonPolygons.Named> readFeatures(
      String file, String nameProperty, boolean required) {
    Path p = folder.resolve(file);
    if (!Files.exists(p)) {
      if (required) {
        problem(file, "missing");
      }
      return null;
    }
    try (InputStream in = Files.newInputStream(p)) {
      return GeoJsonPolygons.features(in, nameProperty);
    } catch (IOException | RuntimeException e) {
      problem(file, "unreadable: " + e.getMessage());
      return null;
    }
  }

  private <T> T readJson(String file, TypeReference<T> type) {
    Path p = folder.resolve(file);
    if (!Files.exists(p)) {
      problem(file, "missing");
      return null;
    }
    try {
      JsonNode tree = Json.mapper().readTree(Files.readAllBytes(p));
      T value = Json.mapper().convertValue(tree, type);
      if (value == null) {
        problem(file, "empty");
      }
      return value;
    } catch (IOException | IllegalArgumentException e) {
      problem(file, "unreadable: " + describe(e));
      return null;
    }
  }

  /** Jackson's first line, and the field it was reading (its message alone does not say). */
  private static String describe(Exception e) {
    Throwable t = e;
    while (t != null && !(t instanceof JsonMappingException)) {
      t = t.getCause();
    }
    if (t instanceof JsonMappingException m) {
      String path =
          m.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(java.util.stream.Collectors.joining("."));
      return firstLine(m.getOriginalMessage()) + (path.isEmpty() ? "" : " (at " + path + ")");
    }
    return firstLine(e.getMessage());
  }

  private void problem(String file, String what) {
    problems.add(folder.getFileName() + "/" + file + ": " + what);
  }

  private void problem(String file, List<String> whats) {
    whats.forEach(w -> problem(file, w));
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** The list without its null entries (each a problem); empty if absent. */
  private <T> List<T> orEmpty(List<T> list) {
    if (list == null) {
      return List.of();
    }
    if (list.contains(null)) {
      problem(REGION, "a facility list holds an empty entry");
    }
    return list.stream().filter(java.util.Objects::nonNull).toList();
  }
}
