package org.oscar.contract.region;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.geom.Geometry;

/**
 * A region as data: one folder, read and checked by {@link RegionBundleReader}. A region is a
 * district unless its bundle says otherwise.
 *
 * @param region the region's id, the name devices, users and incidents carry (lower case)
 * @param district the district whose officials (SP, DM, CMO) serve it
 * @param state the state it belongs to
 * @param dispatchRegion the dispatch desk that owns its units and incidents, shared by the regions
 *     whose units may cross into each other (a state's ERSS); the region itself if it dispatches
 *     alone
 * @param districtControlRoom the jurisdiction of a place inside the boundary that no station
 *     polygon covers; its SHO post is the district's police control room, until stations are added
 * @param boundary the region's boundary (longitude, latitude)
 * @param stations police-station jurisdictions by name, where known
 * @param oscs One Stop Centres
 * @param hospitals hospitals; those with {@code mlc} take medico-legal cases
 * @param shelters Shakti Sadan shelters
 * @param officials who holds each post ({@code SHO:<station>}, {@code SP:<district>}, ...)
 * @param dispatchPolicy the region's dispatch and escalation policy
 */
public record RegionBundle(
    String region,
    String district,
    String state,
    String dispatchRegion,
    String districtControlRoom,
    Geometry boundary,
    Map<String, Geometry> stations,
    List<BundleFacility> oscs,
    List<BundleFacility> hospitals,
    List<BundleFacility> shelters,
    Map<String, Contact> officials,
    DispatchPolicy dispatchPolicy)
    implements Serializable {

  public RegionBundle {
    dispatchRegion = dispatchRegion == null || dispatchRegion.isBlank() ? region : dispatchRegion;
    stations = new TreeMap<>(stations);
    oscs = List.copyOf(oscs);
    hospitals = List.copyOf(hospitals);
    shelters = List.copyOf(shelters);
    officials = new TreeMap<>(officials);
  }

  /** Every jurisdiction's name: the stations, then the district control room's. */
  public List<String> jurisdictionNames() {
    var names = new java.util.ArrayList<>(stations.keySet());
    names.add(districtControlRoom);
    return names;
  }

  /** The hospitals a survivor may be sent to: those designated for medico-legal cases. */
  public List<BundleFacility> mlcHospitals() {
    return hospitals.stream().filter(BundleFacility::mlc).toList();
  }

  /**
   * The same geography, facilities and officials under another id: for a test or a drill that names
   * its own region. A deployment never serves one region's data under another's name.
   */
  public RegionBundle renamed(String newRegion) {
    Map<String, Contact> renamedOfficials = new TreeMap<>();
    officials.forEach(
        (post, contact) ->
            renamedOfficials.put(
                post.endsWith(":" + region)
                    ? post.substring(0, post.length() - region.length()) + newRegion
                    : post,
                contact));
    return new RegionBundle(
        newRegion,
        district,
        state,
        newRegion,
        districtControlRoom,
        boundary,
        stations,
        oscs,
        hospitals,
        shelters,
        renamedOfficials,
        dispatchPolicy);
  }

  public RegionBundle withPolicy(DispatchPolicy policy) {
    return new RegionBundle(
        region,
        district,
        state,
        dispatchRegion,
        districtControlRoom,
        boundary,
        stations,
        oscs,
        hospitals,
        shelters,
        officials,
        policy);
  }
}
