package org.oscar.alert.region;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.oscar.contract.region.RegionCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The region bundles the API serves (facilities, areas, officials' contacts, a state control room's
 * regions), read at start-up and again whenever the folder changes. A change with a problem is not
 * taken: the last sound bundles stay in use and the failure is logged and counted, as in the stream
 * job. The folder is read off the event loop.
 */
public final class LiveRegions implements Supplier<RegionCatalog> {
  private static final Logger LOG = LoggerFactory.getLogger(LiveRegions.class);

  private final Path root;
  private volatile RegionCatalog catalog;
  private volatile String version;
  private final AtomicLong reloads = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();

  private LiveRegions(Path root, RegionCatalog catalog, String version) {
    this.root = root;
    this.catalog = catalog;
    this.version = version;
  }

  /** The bundles under {@code root}; an exception listing every problem if any has one. */
  public static LiveRegions load(Path root) {
    String version = RegionCatalog.version(root);
    return new LiveRegions(root, RegionCatalog.load(root).orThrow(), version);
  }

  /** Fixed bundles (tests). */
  public static LiveRegions of(RegionCatalog catalog) {
    return new LiveRegions(null, catalog, "fixed");
  }

  @Override
  public RegionCatalog get() {
    return catalog;
  }

  /** Looks for a changed folder every {@code everyMs}; returns the timer's id. */
  public long watch(Vertx vertx, long everyMs) {
    if (root == null) {
      return -1;
    }
    return vertx.setPeriodic(everyMs, id -> vertx.executeBlocking(() -> reloadIfChanged(), false));
  }

  /** Loads the folder again if it changed; whether it did and the load was taken. */
  public boolean reloadIfChanged() {
    try {
      String v = RegionCatalog.version(root);
      if (v.equals(version)) {
        return false;
      }
      RegionCatalog next = RegionCatalog.load(root).orThrow();
      catalog = next;
      version = v;
      reloads.incrementAndGet();
      LOG.info("region bundles reloaded: {} regions", next.size());
      return true;
    } catch (RuntimeException e) {
      failures.incrementAndGet();
      LOG.error("region bundles not reloaded, the last sound ones stay in use: {}", e.getMessage());
      return false;
    }
  }

  public long reloads() {
    return reloads.get();
  }

  public long failures() {
    return failures.get();
  }
}
