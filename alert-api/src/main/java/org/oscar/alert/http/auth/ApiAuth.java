package org.oscar.alert.http.auth;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import java.util.function.Supplier;
import org.oscar.contract.region.RegionCatalog;

/**
 * Every {@code /api} call needs a login: either the stream job's service token, or a control-room
 * user's JWT (HS256, from {@code POST /login}). Sets the {@link Principal} on the request; 401
 * without one. Tokens are only ever read from the {@code Authorization} header, never from a URL,
 * so they do not end up in access logs.
 */
public final class ApiAuth implements Handler<RoutingContext> {
  private static final int TOKEN_MINUTES = 8 * 60;
  private final byte[] serviceHeader;
  private final JWTAuth jwt;
  private final UserDirectory users;
  private final Supplier<RegionCatalog> regions;

  /** {@code regions}: the bundles as they are now, for a state control room's scope. */
  public ApiAuth(
      String serviceToken, JWTAuth jwt, UserDirectory users, Supplier<RegionCatalog> regions) {
    this.serviceHeader = ("Bearer " + serviceToken).getBytes(StandardCharsets.UTF_8);
    this.jwt = jwt;
    this.users = users;
    this.regions = regions;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.startsWith("Bearer ")) {
      unauthorized(ctx);
      return;
    }
    if (MessageDigest.isEqual(serviceHeader, header.getBytes(StandardCharsets.UTF_8))) {
      ctx.put(Principal.CONTEXT_KEY, Principal.streamJob());
      ctx.next();
      return;
    }
    jwt.authenticate(new TokenCredentials(header.substring("Bearer ".length())))
        .onSuccess(
            user -> {
              // Scope comes from the users file as it is now, not from the token: a user removed
              // or moved to another district does not keep the old scope until the token expires.
              var account = users.account(user.principal().getString("sub"));
              if (account.isEmpty()) {
                unauthorized(ctx);
                return;
              }
              ctx.put(Principal.CONTEXT_KEY, principalOf(account.get()));
              ctx.next();
            })
        .onFailure(e -> unauthorized(ctx));
  }

  /** A token for a user who has just logged in. */
  public String tokenFor(UserAccount a) {
    return jwt.generateToken(
        new JsonObject()
            .put("sub", a.username())
            .put("district", a.district())
            .put("regions", new JsonArray(a.regions())),
        new JWTOptions().setExpiresInMinutes(TOKEN_MINUTES));
  }

  /** Lets through the stream job only (403 for users). */
  public static Handler<RoutingContext> serviceOnly() {
    return ctx -> {
      if (principal(ctx).service()) {
        ctx.next();
      } else {
        ctx.response().setStatusCode(403).end();
      }
    };
  }

  /**
   * Lets through control-room users and the stream job only: the live map shows her position and
   * her call-back number, which OSC staff and agencies work without (they have the case register).
   */
  public static Handler<RoutingContext> controlRoomOnly() {
    return ctx -> {
      Principal p = principal(ctx);
      if (p.service() || p.role() == org.oscar.alert.cases.model.UserRole.CONTROL_ROOM) {
        ctx.next();
      } else {
        ctx.response()
            .setStatusCode(403)
            .putHeader("Content-Type", "application/json")
            .end("{\"error\":\"the live map is the control room's\"}");
      }
    };
  }

  public static Principal principal(RoutingContext ctx) {
    return ctx.get(Principal.CONTEXT_KEY);
  }

  /** The regions a login works in: its own, or for a state control room every region now. */
  public java.util.List<String> regionsOf(UserAccount a) {
    return a.stateWide() ? regions.get().regionsOf(a.state()) : a.regions();
  }

  private Principal principalOf(UserAccount a) {
    return new Principal(
        a.username(),
        false,
        a.district(),
        Set.copyOf(regionsOf(a)),
        a.role(),
        a.agency(),
        a.post(),
        a.state());
  }

  private static void unauthorized(RoutingContext ctx) {
    ctx.response().putHeader("WWW-Authenticate", "Bearer").setStatusCode(401).end();
  }
}
