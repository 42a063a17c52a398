package dev.weft.server.auth;

import dev.weft.server.http.ApiProblem;
import dev.weft.server.http.ApiRoute;
import dev.weft.server.http.ProblemResponses;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's access check: with token authentication on, a route that declares a role ({@link
 * ApiRoute#role()}) answers only a caller whose {@code Authorization: Bearer} token is known, not
 * revoked, has at least that role, and is bound to the route's namespace (the {@code {namespace}}
 * path parameter; a route without one acts across namespaces and needs a token bound to {@code *}).
 * Routes without a role (health, readiness, the OpenAPI document, metrics) answer everyone.
 *
 * <p>No token, an unknown or a revoked one: 401 with {@code WWW-Authenticate: Bearer}; a role too
 * low or a namespace the token is not bound to: 403. Both are problem documents, and every refusal
 * is logged at WARN with the route, the reason and the token's ID when known, never the secret.
 *
 * <p>With authentication off, every route answers everyone. Thread-safe.
 */
public final class ApiAccess {
  private static final Logger log = LoggerFactory.getLogger(ApiAccess.class);
  private static final String CALLER = "weft.caller";
  private static final String BEARER = "Bearer ";

  private final ApiTokens tokens;

  private ApiAccess(ApiTokens tokens) {
    this.tokens = tokens;
  }

  /** Checks every route's role against the caller's token among {@code tokens}. */
  public static ApiAccess withTokens(ApiTokens tokens) {
    return new ApiAccess(Objects.requireNonNull(tokens, "tokens"));
  }

  /** Lets every caller call every route. */
  public static ApiAccess open() {
    return new ApiAccess(null);
  }

  /** Whether routes check tokens. */
  public boolean checksTokens() {
    return tokens != null;
  }

  /**
   * Returns the handler that runs {@code route}'s own after the check passed; it answers the
   * refusal itself otherwise.
   */
  public Handler guard(ApiRoute route) {
    Handler handler = route.handler();
    if (tokens == null || route.role() == null) {
      return handler;
    }
    return ctx -> {
      ApiProblem refusal = check(route, ctx);
      if (refusal == null) {
        handler.handle(ctx);
      } else {
        if (refusal.status() == 401) {
          ctx.header(
              "WWW-Authenticate",
              "token-required".equals(refusal.slug())
                  ? "Bearer realm=\"weft\""
                  : "Bearer realm=\"weft\", error=\"invalid_token\"");
        }
        ProblemResponses.write(ctx, refusal);
      }
    };
  }

  /** The token of the request's caller, once the check passed; empty with authentication off. */
  public static Optional<ApiToken> caller(Context ctx) {
    return Optional.ofNullable(ctx.attribute(CALLER));
  }

  /** Returns null if the call may go on, else the refusal (already logged). */
  private ApiProblem check(ApiRoute route, Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      return refuse(
          route,
          ctx,
          null,
          401,
          "token-required",
          "this route needs a token: send Authorization: Bearer weft_...");
    }
    if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return refuse(
          route,
          ctx,
          null,
          401,
          "token-invalid",
          "the Authorization header is not 'Bearer <token>'");
    }
    Optional<ApiToken> found = tokens.findBySecret(header.substring(BEARER.length()).strip());
    if (found.isEmpty()) {
      return refuse(route, ctx, null, 401, "token-invalid", "the token is not known");
    }
    ApiToken token = found.get();
    if (token.isRevoked()) {
      return refuse(
          route,
          ctx,
          token,
          401,
          "token-revoked",
          "token " + token.tokenId() + " was revoked at " + token.revokedAt());
    }
    if (!token.role().covers(route.role())) {
      return refuse(
          route,
          ctx,
          token,
          403,
          "role-insufficient",
          "token "
              + token.tokenId()
              + " has role "
              + token.role()
              + "; "
              + route.method()
              + " "
              + route.path()
              + " needs "
              + route.role());
    }
    String namespace = ctx.pathParamMap().get("namespace");
    if (namespace == null ? !token.coversEveryNamespace() : !token.covers(namespace)) {
      return refuse(
          route,
          ctx,
          token,
          403,
          "namespace-not-allowed",
          "token "
              + token.tokenId()
              + " is bound to namespaces "
              + token.namespaces()
              + (namespace == null
                  ? "; this route acts across namespaces and needs a token bound to '*'"
                  : ", not to '" + namespace + "'"));
    }
    ctx.attribute(CALLER, token);
    return null;
  }

  private static ApiProblem refuse(
      ApiRoute route, Context ctx, ApiToken token, int status, String slug, String detail) {
    log.warn(
        "refused {} {} (route {} {}, token {}): {} {}",
        ctx.method(),
        ctx.path(),
        route.method(),
        route.path(),
        token == null ? "-" : token.tokenId(),
        status,
        detail);
    return ApiProblem.of(status, slug, status == 401 ? "Unauthorized" : "Forbidden", detail);
  }
}
