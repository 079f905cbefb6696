package org.oscar.alert;

import io.vertx.core.Vertx;
import org.oscar.alert.config.ApiConfig;
import org.oscar.alert.http.AlertApiServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the alert API. Settings: {@code --help}. */
public final class AlertApiMain {
  private static final Logger LOG = LoggerFactory.getLogger(AlertApiMain.class);

  private AlertApiMain() {}

  public static void main(String[] args) {
    if (args.length > 0 && ("--help".equals(args[0]) || "-h".equals(args[0]))) {
      System.out.print(ApiConfig.describe());
      return;
    }
    ApiConfig config;
    try {
      config = ApiConfig.from(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Vertx vertx = Vertx.vertx();
    AlertApiServer server = AlertApiServer.overRedis(vertx, config);
    server
        .start()
        .onSuccess(port -> LOG.info("alert API listening on http://{}:{}", config.host(), port))
        .onFailure(
            e -> {
              LOG.error("alert API cannot start: {}", e.getMessage());
              server.stop();
              vertx.close();
              System.exit(1);
            });
  }
}
