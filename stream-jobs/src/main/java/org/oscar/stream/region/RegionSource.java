package org.oscar.stream.region;

import java.io.Serializable;
import org.oscar.contract.region.RegionCatalog;

/**
 * Where the job's operators read the region bundles from: shipped with the job graph as a small
 * serializable handle, read by each operator when it opens and again when {@link #version} changes.
 */
public interface RegionSource extends Serializable {
  /** The bundles as they are now; an exception listing every problem if any bundle has one. */
  RegionCatalog load();

  /** A value that changes whenever the bundles do; compared, never parsed. */
  String version();
}
