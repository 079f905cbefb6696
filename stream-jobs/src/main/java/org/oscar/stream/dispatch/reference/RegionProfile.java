package org.oscar.stream.dispatch.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.oscar.contract.codec.Json;
import org.oscar.contract.region.DispatchPolicy;

/**
 * A dispatch region's reference data: its district, its One Stop Centres and the hospitals
 * designated for medico-legal cases, and its district's policy. Small and serializable: it travels
 * with the job graph. Police jurisdictions are geometry and are loaded separately, in the operator.
 */
public record RegionProfile(
    String region,
    String district,
    List<Facility> oscs,
    List<Facility> hospitals,
    DispatchPolicy policy)
    implements Serializable {

  public static final String BHUBANESWAR_RESOURCE = "/oscar/reference/bhubaneswar.json";

  public RegionProfile {
    oscs = List.copyOf(oscs);
    hospitals = List.copyOf(hospitals);
  }

  public static RegionProfile bhubaneswar() {
    try (InputStream in = RegionProfile.class.getResourceAsStream(BHUBANESWAR_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + BHUBANESWAR_RESOURCE);
      }
      return Json.mapper().readValue(in, RegionProfile.class).validated();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public RegionProfile validated() {
    List<String> problems = new ArrayList<>(policy.problems());
    if (oscs.isEmpty()) {
      problems.add("region " + region + " has no One Stop Centre");
    }
    if (hospitals.isEmpty()) {
      problems.add("region " + region + " has no designated hospital");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "region profile " + region + ": " + String.join("; ", problems));
    }
    return this;
  }

  public RegionProfile renamed(String newRegion) {
    return new RegionProfile(newRegion, district, oscs, hospitals, policy);
  }

  public RegionProfile withPolicy(DispatchPolicy newPolicy) {
    return new RegionProfile(region, district, oscs, hospitals, newPolicy);
  }
}
