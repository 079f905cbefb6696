package org.oscar.stream.dispatch.reference;

import java.util.List;
import org.oscar.contract.region.BundleFacility;
import org.oscar.contract.region.DispatchPolicy;
import org.oscar.contract.region.RegionBundle;

/**
 * What the dispatch engine needs of one region: its district, its One Stop Centres, the hospitals
 * designated for medico-legal cases, and its policy. Police jurisdictions are geometry and are
 * looked up through {@link DispatchArea}.
 */
public record RegionProfile(
    String region,
    String district,
    List<Facility> oscs,
    List<Facility> hospitals,
    DispatchPolicy policy) {

  public RegionProfile {
    oscs = List.copyOf(oscs);
    hospitals = List.copyOf(hospitals);
  }

  public static RegionProfile of(RegionBundle b) {
    return new RegionProfile(
        b.region(),
        b.district(),
        facilities(b.oscs()),
        facilities(b.mlcHospitals()),
        b.dispatchPolicy());
  }

  private static List<Facility> facilities(List<BundleFacility> list) {
    return list.stream().map(f -> new Facility(f.id(), f.name(), f.lat(), f.lon())).toList();
  }
}
