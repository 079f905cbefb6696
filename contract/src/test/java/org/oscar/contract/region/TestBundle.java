package org.oscar.contract.region;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oscar.contract.codec.Json;

/**
 * Builds a region bundle folder for tests: by default a sound one, a square region of 0.2° with one
 * station in its south-west quarter, an OSC, an MLC hospital and a contact for every post; each
 * {@code with...} changes one thing.
 */
final class TestBundle {
  private final String region;
  private String district = "Testdistrict";
  private double south = 20.0;
  private double west = 85.0;
  private final Map<String, double[][]> stations = new LinkedHashMap<>();
  private double[][] boundary;
  private final ObjectNode header = Json.mapper().createObjectNode();
  private final Map<String, Contact> officials = new LinkedHashMap<>();
  private final java.util.Set<String> withoutContact = new java.util.HashSet<>();
  private String policyJson;
  private String oscId;

  private TestBundle(String region) {
    this.region = region;
    this.oscId = "OSC-" + region.toUpperCase();
  }

  static TestBundle region(String region) {
    return new TestBundle(region);
  }

  /** Moves the region's square so that two regions do not overlap. */
  TestBundle at(double southLat, double westLon) {
    this.south = southLat;
    this.west = westLon;
    return this;
  }

  TestBundle district(String name) {
    this.district = name;
    return this;
  }

  TestBundle withStation(String name, double[][] ring) {
    stations.put(name, ring);
    return this;
  }

  TestBundle withBoundary(double[][] ring) {
    this.boundary = ring;
    return this;
  }

  TestBundle withOscId(String id) {
    this.oscId = id;
    return this;
  }

  TestBundle withOscAt(double lat, double lon) {
    header.put("oscLat", lat).put("oscLon", lon);
    return this;
  }

  TestBundle withoutContactFor(String post) {
    withoutContact.add(post);
    return this;
  }

  TestBundle withPolicy(String json) {
    this.policyJson = json;
    return this;
  }

  double[][] square(double s, double w, double size) {
    return new double[][] {{w, s}, {w + size, s}, {w + size, s + size}, {w, s + size}, {w, s}};
  }

  /** A station inside the region (its south-west quarter). */
  double[][] insideSquare() {
    return square(south + 0.01, west + 0.01, 0.05);
  }

  Path writeTo(Path root) {
    Path folder = root.resolve(region);
    try {
      Files.createDirectories(folder);
      double[][] shape = boundary != null ? boundary : square(south, west, 0.2);
      Files.writeString(
          folder.resolve(RegionBundleReader.BOUNDARY),
          featureCollection("name", Map.of(district, shape)));
      if (!stations.isEmpty()) {
        Files.writeString(
            folder.resolve(RegionBundleReader.JURISDICTIONS), featureCollection("Name", stations));
      }
      double lat = header.path("oscLat").asDouble(south + 0.1);
      double lon = header.path("oscLon").asDouble(west + 0.1);
      ObjectNode r = Json.mapper().createObjectNode();
      r.put("region", region).put("district", district).put("state", "Teststate");
      r.put("districtControlRoom", district + " District Police Control Room");
      r.putArray("oscs")
          .addObject()
          .put("id", oscId)
          .put("name", "OSC")
          .put("lat", lat)
          .put("lon", lon);
      r.putArray("hospitals")
          .addObject()
          .put("id", "HOSP-" + region.toUpperCase())
          .put("name", "Hospital")
          .put("lat", south + 0.1)
          .put("lon", west + 0.1)
          .put("mlc", true);
      Files.writeString(folder.resolve(RegionBundleReader.REGION), r.toString());
      DispatchPolicy policy = DispatchPolicy.defaults();
      Files.writeString(
          folder.resolve(RegionBundleReader.DISPATCH_POLICY),
          policyJson != null ? policyJson : Json.mapper().writeValueAsString(policy));
      List<String> jurisdictions = new java.util.ArrayList<>(stations.keySet());
      jurisdictions.add(district + " District Police Control Room");
      Map<String, Contact> contacts = new LinkedHashMap<>(officials);
      for (String j : jurisdictions) {
        contacts.put("SHO:" + j, new Contact("sho", "+910000000001", null));
      }
      for (String p :
          List.of(
              "SP:" + district,
              "DM:" + district,
              "CMO:" + district,
              "OSC_ADMIN:" + oscId,
              "CONTROL_ROOM:" + region,
              "SHIFT_SUPERVISOR:" + region)) {
        contacts.put(p, new Contact("someone", null, "someone@example.in"));
      }
      withoutContact.forEach(contacts::remove);
      Files.writeString(
          folder.resolve(RegionBundleReader.OFFICIALS), Json.mapper().writeValueAsString(contacts));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return folder;
  }

  private static String featureCollection(String property, Map<String, double[][]> rings) {
    ObjectNode root = Json.mapper().createObjectNode().put("type", "FeatureCollection");
    ArrayNode features = root.putArray("features");
    rings.forEach(
        (name, ring) -> {
          ObjectNode f = features.addObject().put("type", "Feature");
          f.putObject("properties").put(property, name);
          ObjectNode g = f.putObject("geometry").put("type", "Polygon");
          ArrayNode shell = g.putArray("coordinates").addArray();
          for (double[] p : ring) {
            shell.addArray().add(p[0]).add(p[1]);
          }
        });
    return root.toString();
  }
}
