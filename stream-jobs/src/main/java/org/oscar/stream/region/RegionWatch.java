package org.oscar.stream.region;

import org.oscar.contract.region.RegionCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An operator's current catalog, re-read when the source's version changes (checked at most once
 * per interval). A new version with a problem is not taken: the operator keeps serving the last
 * sound catalog, and counts the failure, so a half-copied folder cannot take a state's dispatch
 * down. The first load has no such fallback: an operator does not start on broken bundles.
 */
public final class RegionWatch {
  private static final Logger LOG = LoggerFactory.getLogger(RegionWatch.class);

  private final RegionSource source;
  private final long intervalMs;
  private RegionCatalog catalog;
  private String version;
  private long checkedAt;
  private long reloads;
  private long failures;

  public RegionWatch(RegionSource source, long intervalMs, long now) {
    this.source = source;
    this.intervalMs = intervalMs;
    this.version = source.version();
    this.catalog = source.load();
    this.checkedAt = now;
  }

  /** The catalog to use now, after a reload if one is due and the bundles changed. */
  public RegionCatalog current(long now) {
    if (now - checkedAt < intervalMs) {
      return catalog;
    }
    checkedAt = now;
    try {
      String v = source.version();
      if (!v.equals(version)) {
        RegionCatalog next = source.load();
        catalog = next;
        version = v;
        reloads++;
        LOG.info("region bundles reloaded: {} regions", next.size());
      }
    } catch (RuntimeException e) {
      failures++;
      LOG.error("region bundles not reloaded, the last sound ones stay in use: {}", e.getMessage());
    }
    return catalog;
  }

  /** Forced looks are this far apart at least: a stream of odd events must not walk the folder. */
  static final long MIN_FORCED_MS = 1_000;

  /** The catalog after looking at the source now, whatever the interval (at most once a second). */
  public RegionCatalog reloadNow(long now) {
    if (now - checkedAt >= MIN_FORCED_MS) {
      checkedAt = Long.MIN_VALUE / 2;
    }
    return current(now);
  }

  public long reloads() {
    return reloads;
  }

  public long failures() {
    return failures;
  }
}
