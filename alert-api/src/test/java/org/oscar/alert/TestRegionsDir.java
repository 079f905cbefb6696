package org.oscar.alert;

import org.oscar.testkit.ShippedRegions;

/** The repository's shipped region bundles (the 30 Odisha districts), for the API's tests. */
public final class TestRegionsDir {
  public static final String PATH = ShippedRegions.dir().toString();

  private TestRegionsDir() {}
}
