package dev.weft.server.api;

import dev.weft.server.auth.ApiToken;
import dev.weft.server.auth.ApiTokenNotFoundException;
import dev.weft.server.auth.ApiTokens;
import dev.weft.server.auth.NewApiToken;
import dev.weft.server.http.ApiJson;
import dev.weft.server.http.ApiProblem;
import dev.weft.server.http.ApiRole;
import dev.weft.server.http.ApiRoutes;
import dev.weft.server.http.RouteGroup;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The API's tokens, for admins bound to every namespace: {@code POST /api/v1/tokens} creates one
 * and answers its secret (the only time it is shown), {@code GET /api/v1/tokens} lists them,
 * revoked ones included, and {@code POST /api/v1/tokens/{tokenId}/revoke} revokes one.
 */
public final class TokenRoutes implements RouteGroup {
  private final ApiTokens tokens;

  /** The routes over {@code tokens}. */
  public TokenRoutes(ApiTokens tokens) {
    this.tokens = tokens;
  }

  /** The body of a create request. */
  record CreateRequest(String name, ApiRole role, List<String> namespaces) {}

  /** A token as the API shows it. */
  record TokenBody(
      String tokenId,
      String name,
      ApiRole role,
      Set<String> namespaces,
      Instant createdAt,
      Instant revokedAt) {
    static TokenBody of(ApiToken t) {
      return new TokenBody(
          t.tokenId(), t.name(), t.role(), t.namespaces(), t.createdAt(), t.revokedAt());
    }
  }

  /** A token just created, with its secret. */
  record CreatedBody(
      String tokenId,
      String name,
      ApiRole role,
      Set<String> namespaces,
      Instant createdAt,
      String token) {}

  /** A listing. */
  record ListBody(List<TokenBody> tokens) {}

  @Override
  public void addTo(ApiRoutes routes) {
    routes.post(
        "/api/v1/tokens",
        ApiRole.ADMIN,
        ctx -> {
          CreateRequest req = ApiJson.read(ctx, CreateRequest.class);
          if (req.name() == null) {
            throw ApiProblem.badField("name", null, "field 'name' is required");
          }
          if (req.role() == null) {
            throw ApiProblem.badField(
                "role", null, "field 'role' is required: READER, WORKER, OPERATOR or ADMIN");
          }
          if (req.namespaces() == null) {
            throw ApiProblem.badField(
                "namespaces", null, "field 'namespaces' is required ([\"*\"] for every namespace)");
          }
          Set<String> namespaces = new LinkedHashSet<>(req.namespaces());
          NewApiToken created;
          try {
            created = tokens.create(req.name(), req.role(), namespaces);
          } catch (IllegalArgumentException e) {
            String field = e.getMessage().contains("namespace") ? "namespaces" : "name";
            throw ApiProblem.badField(
                field, "name".equals(field) ? req.name() : req.namespaces(), e.getMessage());
          }
          ApiToken t = created.token();
          ApiJson.write(
              ctx,
              201,
              new CreatedBody(
                  t.tokenId(),
                  t.name(),
                  t.role(),
                  t.namespaces(),
                  t.createdAt(),
                  created.secret()));
        });
    routes.get(
        "/api/v1/tokens",
        ApiRole.ADMIN,
        ctx ->
            ApiJson.write(
                ctx, 200, new ListBody(tokens.list().stream().map(TokenBody::of).toList())));
    routes.post(
        "/api/v1/tokens/{tokenId}/revoke",
        ApiRole.ADMIN,
        ctx -> {
          String tokenId = ctx.pathParam("tokenId");
          try {
            ApiJson.write(ctx, 200, TokenBody.of(tokens.revoke(tokenId)));
          } catch (ApiTokenNotFoundException e) {
            throw ApiProblem.notFound("token-not-found", e.getMessage());
          }
        });
  }
}
