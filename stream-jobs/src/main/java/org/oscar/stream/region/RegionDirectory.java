package org.oscar.stream.region;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.oscar.contract.region.RegionCatalog;

/**
 * The bundles under a folder of the machine the operator runs on ({@code OSCAR_REGIONS_DIR}).
 * Adding a district is adding its folder there: the operators see the new version within their
 * reload interval. A catalog is read once per version and process, however many operator instances
 * ask (reading and checking 30 districts takes about a second).
 */
public record RegionDirectory(String path) implements RegionSource {
  private record Loaded(String version, RegionCatalog catalog) {}

  private static final Map<String, Loaded> CACHE = new ConcurrentHashMap<>();

  @Override
  public RegionCatalog load() {
    String version = version();
    Loaded cached = CACHE.get(path);
    if (cached != null && cached.version().equals(version)) {
      return cached.catalog();
    }
    RegionCatalog catalog = RegionCatalog.load(Path.of(path)).orThrow();
    CACHE.put(path, new Loaded(version, catalog));
    return catalog;
  }

  @Override
  public String version() {
    return RegionCatalog.version(Path.of(path));
  }
}
