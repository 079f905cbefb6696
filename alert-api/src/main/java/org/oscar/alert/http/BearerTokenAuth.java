package org.oscar.alert.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Refuses any request without the configured bearer token (401). The comparison takes the same time
 * whatever the guess, so the token cannot be found by timing.
 */
final class BearerTokenAuth implements Handler<RoutingContext> {
  private final byte[] expected;

  BearerTokenAuth(String token) {
    this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    byte[] given = header == null ? new byte[0] : header.getBytes(StandardCharsets.UTF_8);
    if (MessageDigest.isEqual(expected, given)) {
      ctx.next();
    } else {
      ctx.response().putHeader("WWW-Authenticate", "Bearer").setStatusCode(401).end();
    }
  }
}
