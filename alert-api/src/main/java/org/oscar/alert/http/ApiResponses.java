package org.oscar.alert.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The API's JSON answers, the same shape everywhere. */
public final class ApiResponses {
  private static final Logger LOG = LoggerFactory.getLogger(ApiResponses.class);

  private ApiResponses() {}

  public static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }

  static void badRequest(RoutingContext ctx, String why) {
    json(ctx, 400, new JsonObject().put("error", why));
  }

  static void unavailable(RoutingContext ctx, Throwable e) {
    LOG.warn("store unavailable: {}", e.getMessage());
    json(ctx, 503, new JsonObject().put("error", "store unavailable"));
  }
}
