package org.oscar.stream.dispatch.reference;

import java.io.Serializable;
import java.util.Map;

/**
 * The profile of every dispatch region the job serves. A region without a profile of its own is
 * served with the default one's geography and policy under its own name, so a new region (or a
 * test's private one) works without configuration.
 */
public record RegionProfiles(Map<String, RegionProfile> byRegion, RegionProfile fallback)
    implements Serializable {

  public RegionProfiles {
    byRegion = Map.copyOf(byRegion);
  }

  public static RegionProfiles of(RegionProfile only) {
    return new RegionProfiles(Map.of(only.region(), only), only);
  }

  public RegionProfile forRegion(String region) {
    RegionProfile p = byRegion.get(region);
    return p != null ? p : fallback.renamed(region);
  }
}
