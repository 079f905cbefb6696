package org.oscar.alert.http;

import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Leaflet, the control room's map library, served from its WebJar on the classpath under {@code
 * /vendor/leaflet/}: no CDN, so the page works on a control room's closed network. The version is
 * read from the WebJar itself, so the pom is the one place that names it.
 */
final class Leaflet {
  private static final String POM = "META-INF/maven/org.webjars.npm/leaflet/pom.properties";

  private Leaflet() {}

  static StaticHandler handler() {
    return StaticHandler.create("META-INF/resources/webjars/leaflet/" + version() + "/dist")
        .setMaxAgeSeconds(86_400);
  }

  static String version() {
    try (InputStream in = Leaflet.class.getClassLoader().getResourceAsStream(POM)) {
      if (in == null) {
        throw new IllegalStateException("the Leaflet WebJar is not on the classpath");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the Leaflet WebJar's version", e);
    }
  }
}
