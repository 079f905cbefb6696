package org.oscar.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's shipped region bundles (regions/, the 30 Odisha districts), for tests. */
public final class ShippedRegions {
  private ShippedRegions() {}

  /** The regions folder above the working directory (a module's folder or the root). */
  public static Path dir() {
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("regions").resolve("odisha"))) {
        return p.resolve("regions");
      }
    }
    throw new IllegalStateException("no regions/odisha above " + here);
  }
}
