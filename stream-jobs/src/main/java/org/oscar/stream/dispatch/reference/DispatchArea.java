package org.oscar.stream.dispatch.reference;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oscar.contract.region.RegionBundle;
import org.oscar.stream.geo.Jurisdictions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The regions one dispatch operator key decides for (a dispatch region: a state's ERSS, or a region
 * dispatching alone), their profiles and their police jurisdictions. Built in the operator from the
 * region bundles, and again on a reload.
 */
public final class DispatchArea {
  private static final Logger LOG = LoggerFactory.getLogger(DispatchArea.class);

  private final String dispatchRegion;
  private final Map<String, RegionProfile> profiles;
  private final Jurisdictions jurisdictions;
  private final RegionProfile orphanProfile;
  private long orphaned;
  private final java.util.Set<String> orphanRegionsLogged = new java.util.HashSet<>();

  private DispatchArea(
      String dispatchRegion,
      Map<String, RegionProfile> profiles,
      Jurisdictions jurisdictions,
      RegionProfile orphanProfile) {
    this.dispatchRegion = dispatchRegion;
    this.profiles = Map.copyOf(profiles);
    this.jurisdictions = jurisdictions;
    this.orphanProfile = orphanProfile;
  }

  /**
   * The area of {@code bundles} (all of {@code dispatchRegion}; none for a key whose regions have
   * all gone, e.g. one restored from before a rename). {@code orphanGuard}: the bundle whose policy
   * and facilities an incident gets whose region the area does not hold (see {@link #profile}).
   */
  public static DispatchArea of(
      String dispatchRegion, Collection<RegionBundle> bundles, RegionBundle orphanGuard) {
    Map<String, RegionProfile> profiles = new LinkedHashMap<>();
    for (RegionBundle b : bundles) {
      if (!b.dispatchRegion().equals(dispatchRegion)) {
        throw new IllegalArgumentException(b.region() + " is not of " + dispatchRegion);
      }
      profiles.put(b.region(), RegionProfile.of(b));
    }
    RegionProfile guard =
        !profiles.isEmpty()
            ? profiles.values().iterator().next()
            : orphanGuard == null ? null : RegionProfile.of(orphanGuard);
    return new DispatchArea(dispatchRegion, profiles, Jurisdictions.of(bundles), guard);
  }

  public static DispatchArea of(String dispatchRegion, Collection<RegionBundle> bundles) {
    return of(dispatchRegion, bundles, null);
  }

  /** A test's area of one profile, its jurisdictions given. */
  public static DispatchArea of(RegionProfile only, Jurisdictions jurisdictions) {
    return new DispatchArea(only.region(), Map.of(only.region(), only), jurisdictions, only);
  }

  public String dispatchRegion() {
    return dispatchRegion;
  }

  /**
   * The profile of one of the area's regions. Validation refuses new events of regions without a
   * bundle, and the operator keeps a dropped region's bundle while it runs, so a region is missing
   * here only for an incident already in state when its bundle went: after a restart with the
   * region removed or moved to another dispatch region. Such an incident is not dropped and does
   * not fail the job (its timer would fail it again on every restart): it runs on with the policy
   * and facilities of another region of the area, logged and counted ({@link #orphaned}).
   */
  public RegionProfile profile(String region) {
    RegionProfile p = profiles.get(region);
    if (p != null) {
      return p;
    }
    if (orphanProfile == null) {
      // No bundle at all (a catalog always has one): nothing to run it on.
      throw new IllegalStateException("no region bundle at all for " + dispatchRegion);
    }
    orphaned++;
    if (orphanRegionsLogged.add(region)) {
      LOG.error(
          "an incident of region {} has no bundle in dispatch region {}: it runs on with {}'s"
              + " policy",
          region,
          dispatchRegion,
          orphanProfile.region());
    }
    return orphanProfile;
  }

  /** Whether the area holds the region's bundle. */
  public boolean holds(String region) {
    return profiles.containsKey(region);
  }

  /** How often an incident's region had no bundle here (zero unless a region was removed). */
  public long orphaned() {
    return orphaned;
  }

  public List<String> regions() {
    return List.copyOf(profiles.keySet());
  }

  public Jurisdictions jurisdictions() {
    return jurisdictions;
  }
}
