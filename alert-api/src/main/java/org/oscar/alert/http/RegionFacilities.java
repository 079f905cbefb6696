package org.oscar.alert.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.oscar.contract.region.BundleFacility;
import org.oscar.contract.region.RegionBundle;
import org.oscar.contract.region.RegionCatalog;

/**
 * The facilities of each region the control room's map draws: One Stop Centres, hospitals and
 * shelters (Shakti Sadan), from the region bundles the job dispatches by. A shelter's address is
 * not public, so these are served only behind a control-room login, and only for the user's own
 * regions.
 */
final class RegionFacilities {
  private final Supplier<RegionCatalog> regions;

  RegionFacilities(Supplier<RegionCatalog> regions) {
    this.regions = regions;
  }

  JsonArray of(Collection<String> userRegions) {
    RegionCatalog catalog = regions.get();
    JsonArray out = new JsonArray();
    for (String region : userRegions.stream().sorted().toList()) {
      RegionBundle b = catalog.bundle(region).orElse(null);
      if (b == null) {
        continue;
      }
      add(out, b, "OSC", b.oscs());
      add(out, b, "HOSPITAL", b.hospitals());
      add(out, b, "SHELTER", b.shelters());
    }
    return out;
  }

  private static void add(JsonArray out, RegionBundle b, String kind, List<BundleFacility> list) {
    for (BundleFacility f : list) {
      out.add(
          new JsonObject()
              .put("id", f.id())
              .put("kind", kind)
              .put("name", f.name())
              .put("lat", f.lat())
              .put("lon", f.lon())
              .put("region", b.region())
              .put("district", b.district())
              .put("illustrative", f.illustrative()));
    }
  }
}
