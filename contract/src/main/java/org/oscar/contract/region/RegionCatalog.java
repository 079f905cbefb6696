package org.oscar.contract.region;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every region a deployment serves: each bundle folder found under a root (a folder holding {@value
 * RegionBundleReader#REGION}, at any depth, e.g. {@code regions/odisha/cuttack}), checked on its
 * own and against the others: region ids, facility ids and station names are unique across bundles,
 * since posts ({@code SHO:<station>}, {@code OSC_ADMIN:<centre>}) name them without their region.
 *
 * <p>There is no default region: a region without a bundle is unknown, and whatever names it is
 * refused by whoever asks.
 */
public final class RegionCatalog {
  private final Map<String, RegionBundle> byRegion;
  private final AreaLocator boundaries;
  private final Map<String, AreaLocator> boundaryOf;

  private RegionCatalog(Map<String, RegionBundle> byRegion) {
    this.byRegion = Map.copyOf(byRegion);
    Map<String, org.locationtech.jts.geom.Geometry> shapes = new HashMap<>();
    Map<String, AreaLocator> each = new HashMap<>();
    byRegion.forEach(
        (id, b) -> {
          shapes.put(id, b.boundary());
          each.put(id, new AreaLocator(Map.of(id, b.boundary())));
        });
    this.boundaries = new AreaLocator(shapes);
    this.boundaryOf = Map.copyOf(each);
  }

  /** The catalog if every bundle is sound, and every problem of every bundle. */
  public record Result(RegionCatalog catalog, List<String> problems, int bundles) {
    public boolean ok() {
      return problems.isEmpty();
    }

    /** The catalog, or an exception listing every problem (for start-up). */
    public RegionCatalog orThrow() {
      if (!ok()) {
        throw new IllegalArgumentException(
            "region bundles have "
                + problems.size()
                + " problem(s):\n  "
                + String.join("\n  ", problems));
      }
      return catalog;
    }
  }

  public static Result load(Path root) {
    if (!Files.isDirectory(root)) {
      return new Result(null, List.of(root + ": not a folder of region bundles"), 0);
    }
    List<Path> folders;
    try (Stream<Path> files = Files.walk(root)) {
      folders =
          files
              .filter(p -> p.getFileName().toString().equals(RegionBundleReader.REGION))
              .map(Path::getParent)
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
    List<String> problems = new ArrayList<>();
    List<RegionBundle> bundles = new ArrayList<>();
    List<RegionBundle> asRead = new ArrayList<>();
    if (folders.isEmpty()) {
      problems.add(root + ": no region bundle (a folder with " + RegionBundleReader.REGION + ")");
    }
    for (Path folder : folders) {
      RegionBundleReader.Result r = RegionBundleReader.read(folder);
      problems.addAll(r.problems());
      if (r.bundle() != null) {
        bundles.add(r.bundle());
      }
      if (r.partial() != null) {
        asRead.add(r.partial());
      }
    }
    problems.addAll(crossProblems(asRead));
    return problems.isEmpty()
        ? new Result(of(bundles), List.of(), folders.size())
        : new Result(null, List.copyOf(problems), folders.size());
  }

  /**
   * A value that changes whenever a file under {@code root} does (its path, size or modification
   * time): what a reader compares to know it must load again. Compared, never parsed.
   */
  public static String version(Path root) {
    if (!Files.isDirectory(root)) {
      return "missing";
    }
    try (Stream<Path> files = Files.walk(root)) {
      StringBuilder all = new StringBuilder();
      files
          .filter(Files::isRegularFile)
          .sorted()
          .forEach(
              f -> {
                try {
                  all.append(root.relativize(f))
                      .append(' ')
                      .append(Files.size(f))
                      .append(' ')
                      .append(Files.getLastModifiedTime(f).toMillis())
                      .append('\n');
                } catch (IOException e) {
                  all.append(f).append(" unreadable\n");
                }
              });
      try {
        byte[] digest =
            java.security.MessageDigest.getInstance("SHA-256")
                .digest(all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(digest);
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }

  /**
   * A catalog of bundles already read, not checked against each other (a test may serve one
   * bundle's data under several names); region ids must be unique.
   */
  public static RegionCatalog of(Collection<RegionBundle> bundles) {
    if (bundles.stream().map(RegionBundle::region).distinct().count() != bundles.size()) {
      throw new IllegalArgumentException("two bundles of one region");
    }
    Map<String, RegionBundle> byRegion = new LinkedHashMap<>();
    bundles.forEach(b -> byRegion.put(b.region(), b));
    return new RegionCatalog(byRegion);
  }

  private static List<String> crossProblems(Collection<RegionBundle> bundles) {
    List<String> problems = new ArrayList<>();
    Map<String, String> regions = new HashMap<>();
    Map<String, String> facilities = new HashMap<>();
    Map<String, String> jurisdictions = new HashMap<>();
    Map<String, String> posts = new HashMap<>();
    for (RegionBundle b : bundles) {
      unique(problems, regions, "region id", b.region(), b.region());
      Stream.of(b.oscs(), b.hospitals(), b.shelters())
          .flatMap(List::stream)
          .forEach(f -> unique(problems, facilities, "facility id", f.id(), b.region()));
      b.jurisdictionNames()
          .forEach(j -> unique(problems, jurisdictions, "jurisdiction", j, b.region()));
      // A post is one person's: two bundles naming it would let one district's file decide who
      // another district's officer is.
      b.officials().keySet().forEach(p -> unique(problems, posts, "official post", p, b.region()));
    }
    return problems;
  }

  private static void unique(
      List<String> problems, Map<String, String> seen, String what, String id, String region) {
    String other = seen.putIfAbsent(id, region);
    if (other != null) {
      problems.add(what + " " + id + " is in both " + other + " and " + region);
    }
  }

  public Optional<RegionBundle> bundle(String region) {
    return Optional.ofNullable(region == null ? null : byRegion.get(region));
  }

  public boolean knows(String region) {
    return region != null && byRegion.containsKey(region);
  }

  /** Whether the region's boundary holds the point (its edge included). */
  public boolean holds(String region, double lat, double lon) {
    AreaLocator one = boundaryOf.get(region);
    return one != null && one.at(lat, lon).isPresent();
  }

  /** The region whose boundary holds the point; on a shared border, the first in id order. */
  public Optional<String> regionAt(double lat, double lon) {
    return boundaries.at(lat, lon);
  }

  /**
   * A random place within {@code spreadDeg}/2 of a point (in each axis) that the region's boundary
   * holds, for invented fleets and survivors; the point itself if 1 000 draws all miss.
   */
  public double[] placeNear(
      String region, double lat, double lon, double spreadDeg, java.util.Random random) {
    for (int attempt = 0; attempt < 1_000; attempt++) {
      double la = lat + (random.nextDouble() - 0.5) * spreadDeg;
      double lo = lon + (random.nextDouble() - 0.5) * spreadDeg;
      if (holds(region, la, lo)) {
        return new double[] {la, lo};
      }
    }
    return new double[] {lat, lon};
  }

  /** The regions of a state, in id order. */
  public List<String> regionsOf(String state) {
    return byRegion.values().stream()
        .filter(b -> b.state().equals(state))
        .map(RegionBundle::region)
        .sorted()
        .toList();
  }

  /** Every bundle, by region id. */
  public Map<String, RegionBundle> bundles() {
    return new TreeMap<>(byRegion);
  }

  public int size() {
    return byRegion.size();
  }
}
