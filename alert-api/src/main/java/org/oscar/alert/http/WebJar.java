package org.oscar.alert.http;

import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * A browser library served from its npm WebJar on the classpath, under {@code /vendor/<name>/}: no
 * CDN, so the pages work on a control room's closed network. The version is read from the WebJar
 * itself, so the pom is the one place that names it.
 */
final class WebJar {
  private WebJar() {}

  /**
   * @param name the npm package (and the WebJar's artifact id)
   * @param folder where in the package the browser files are ("" for its top)
   */
  static StaticHandler handler(String name, String folder) {
    String root = "META-INF/resources/webjars/" + name + "/" + version(name);
    return StaticHandler.create(folder.isEmpty() ? root : root + "/" + folder)
        .setMaxAgeSeconds(86_400);
  }

  static String version(String name) {
    String pom = "META-INF/maven/org.webjars.npm/" + name + "/pom.properties";
    try (InputStream in = WebJar.class.getClassLoader().getResourceAsStream(pom)) {
      if (in == null) {
        throw new IllegalStateException("the " + name + " WebJar is not on the classpath");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the " + name + " WebJar's version", e);
    }
  }
}
