package org.oscar.stream.geo;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.oscar.contract.region.AreaLocator;
import org.oscar.contract.region.RegionBundle;

/**
 * Which police jurisdiction holds a point, over the regions of one dispatch region: a station's
 * polygon where one covers it, else the district police control room of the region whose boundary
 * holds it (a district without station polygons is one jurisdiction), else none. Built once per
 * operator instance from the bundles; never put in Flink state.
 */
public final class Jurisdictions {
  private final AreaLocator stations;
  private final AreaLocator regions;
  private final Map<String, String> controlRoomOfRegion;

  private Jurisdictions(
      AreaLocator stations, AreaLocator regions, Map<String, String> controlRoomOfRegion) {
    this.stations = stations;
    this.regions = regions;
    this.controlRoomOfRegion = Map.copyOf(controlRoomOfRegion);
  }

  public static Jurisdictions of(Collection<RegionBundle> bundles) {
    Map<String, Geometry> stations = new HashMap<>();
    Map<String, Geometry> boundaries = new HashMap<>();
    Map<String, String> controlRooms = new HashMap<>();
    for (RegionBundle b : bundles) {
      stations.putAll(b.stations());
      boundaries.put(b.region(), b.boundary());
      controlRooms.put(b.region(), b.districtControlRoom());
    }
    return new Jurisdictions(new AreaLocator(stations), new AreaLocator(boundaries), controlRooms);
  }

  /** The jurisdiction containing the point, or empty outside every region. */
  public Optional<String> at(double lat, double lon) {
    Optional<String> station = stations.at(lat, lon);
    return station.isPresent() ? station : regions.at(lat, lon).map(controlRoomOfRegion::get);
  }

  /** How many station polygons there are. */
  public int stations() {
    return stations.size();
  }
}
