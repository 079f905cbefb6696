package org.oscar.alert;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's shipped region bundles (the 30 Odisha districts), for the API's tests. */
public final class TestRegionsDir {
  public static final String PATH = find();

  private TestRegionsDir() {}

  private static String find() {
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("regions").resolve("odisha"))) {
        return p.resolve("regions").toString();
      }
    }
    throw new IllegalStateException("no regions/odisha above " + here);
  }
}
