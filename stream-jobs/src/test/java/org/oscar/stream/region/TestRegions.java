package org.oscar.stream.region;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.oscar.contract.region.DispatchPolicy;
import org.oscar.contract.region.RegionBundle;
import org.oscar.contract.region.RegionCatalog;
import org.oscar.stream.dispatch.reference.DispatchArea;
import org.oscar.testkit.ShippedRegions;

/**
 * The shipped region bundles for tests: the 30 Odisha districts as the job reads them, and
 * Khordha's bundle (the pilot, Bhubaneswar's stations) under names a test picks, each dispatching
 * alone, so that tests sharing a broker and a Redis do not share a dispatch region. Every region a
 * test's devices name is listed: a job serves no region without a bundle.
 */
public final class TestRegions {
  /** The shipped bundles: the repository's regions folder, from a module's folder or the root. */
  public static final Path SHIPPED = ShippedRegions.dir();

  private static RegionCatalog odisha;

  private TestRegions() {}

  public static synchronized RegionCatalog odisha() {
    if (odisha == null) {
      odisha = RegionCatalog.load(SHIPPED).orThrow();
    }
    return odisha;
  }

  public static RegionBundle khordha() {
    return odisha().bundle("khordha").orElseThrow();
  }

  /** The shipped folder, as the job reads it in production. */
  public static RegionSource shipped() {
    return new RegionDirectory(SHIPPED.toString());
  }

  /** Khordha's data under each of these names, each its own dispatch region. */
  public static KhordhaAs khordhaAs(String... regions) {
    return new KhordhaAs(Arrays.asList(regions), null);
  }

  /** The dispatch area of one renamed Khordha, for the engine's tests. */
  public static DispatchArea khordhaArea(String region, DispatchPolicy policy) {
    RegionBundle b = khordha().renamed(region);
    return DispatchArea.of(region, List.of(policy == null ? b : b.withPolicy(policy)));
  }

  /** A source of renamed copies of Khordha, with the policy a test needs (null: Khordha's). */
  public record KhordhaAs(List<String> regions, DispatchPolicy policy) implements RegionSource {
    public KhordhaAs {
      regions = List.copyOf(regions);
    }

    public KhordhaAs withPolicy(DispatchPolicy newPolicy) {
      return new KhordhaAs(regions, newPolicy);
    }

    @Override
    public RegionCatalog load() {
      RegionBundle k = khordha();
      return RegionCatalog.of(
          regions.stream()
              .map(k::renamed)
              .map(b -> policy == null ? b : b.withPolicy(policy))
              .toList());
    }

    @Override
    public String version() {
      return "test";
    }
  }
}
