package org.oscar.stream.dispatch.reference;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oscar.contract.region.RegionBundle;
import org.oscar.stream.geo.Jurisdictions;

/**
 * The regions one dispatch operator key decides for (a dispatch region: a state's ERSS, or a region
 * dispatching alone), their profiles and their police jurisdictions. Built in the operator from the
 * region bundles, and again on a reload.
 */
public final class DispatchArea {
  private final String dispatchRegion;
  private final Map<String, RegionProfile> profiles;
  private final Jurisdictions jurisdictions;

  private DispatchArea(
      String dispatchRegion, Map<String, RegionProfile> profiles, Jurisdictions jurisdictions) {
    this.dispatchRegion = dispatchRegion;
    this.profiles = Map.copyOf(profiles);
    this.jurisdictions = jurisdictions;
  }

  /** The area of {@code bundles}, which must all be of {@code dispatchRegion}. */
  public static DispatchArea of(String dispatchRegion, Collection<RegionBundle> bundles) {
    if (bundles.isEmpty()) {
      throw new IllegalArgumentException("no region of dispatch region " + dispatchRegion);
    }
    Map<String, RegionProfile> profiles = new LinkedHashMap<>();
    for (RegionBundle b : bundles) {
      if (!b.dispatchRegion().equals(dispatchRegion)) {
        throw new IllegalArgumentException(b.region() + " is not of " + dispatchRegion);
      }
      profiles.put(b.region(), RegionProfile.of(b));
    }
    return new DispatchArea(dispatchRegion, profiles, Jurisdictions.of(bundles));
  }

  /** A test's area of one profile, its jurisdictions given. */
  public static DispatchArea of(RegionProfile only, Jurisdictions jurisdictions) {
    return new DispatchArea(only.region(), Map.of(only.region(), only), jurisdictions);
  }

  public String dispatchRegion() {
    return dispatchRegion;
  }

  /**
   * The profile of one of the area's regions. Validation refuses events of regions without a
   * bundle, and a reload keeps a dropped region's profile while its incidents run, so an incident's
   * region always has one here; null would be a bug.
   */
  public RegionProfile profile(String region) {
    return profiles.get(region);
  }

  public List<String> regions() {
    return List.copyOf(profiles.keySet());
  }

  public Jurisdictions jurisdictions() {
    return jurisdictions;
  }
}
