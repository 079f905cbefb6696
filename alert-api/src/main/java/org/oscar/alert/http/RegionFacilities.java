package org.oscar.alert.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The facilities of each region the control room's map draws: One Stop Centres, hospitals and
 * shelters (Shakti Sadan), from the same reference data the job dispatches by. A shelter's address
 * is not public, so these are served only behind a control-room login, and only for the user's own
 * regions.
 */
final class RegionFacilities {
  static final String BHUBANESWAR = "oscar/reference/bhubaneswar.json";
  private static final Map<String, String> KINDS =
      Map.of("oscs", "OSC", "hospitals", "HOSPITAL", "shelters", "SHELTER");

  private final Map<String, JsonArray> byRegion;

  private RegionFacilities(Map<String, JsonArray> byRegion) {
    this.byRegion = byRegion;
  }

  /** Reads reference files ({@code region}, and lists {@code oscs}, {@code hospitals}, ...). */
  static RegionFacilities of(List<String> referenceJson) {
    Map<String, JsonArray> regions = new java.util.HashMap<>();
    for (String text : referenceJson) {
      JsonObject ref = new JsonObject(text);
      JsonArray all = new JsonArray();
      KINDS.forEach(
          (list, kind) -> {
            JsonArray items = ref.getJsonArray(list, new JsonArray());
            for (int i = 0; i < items.size(); i++) {
              JsonObject f = items.getJsonObject(i);
              all.add(
                  new JsonObject()
                      .put("id", f.getString("id"))
                      .put("kind", kind)
                      .put("name", f.getString("name"))
                      .put("lat", f.getDouble("lat"))
                      .put("lon", f.getDouble("lon")));
            }
          });
      regions.put(ref.getString("region"), all);
    }
    return new RegionFacilities(Map.copyOf(regions));
  }

  JsonArray of(Collection<String> regions) {
    JsonArray out = new JsonArray();
    for (String region : regions) {
      byRegion.getOrDefault(region, new JsonArray()).forEach(out::add);
    }
    return out;
  }
}
