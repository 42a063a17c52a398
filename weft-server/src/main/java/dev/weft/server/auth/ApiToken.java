package dev.weft.server.auth;

import dev.weft.server.http.ApiRole;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What the server knows of an API token: never its secret. A token authenticates the caller that
 * sends its secret as {@code Authorization: Bearer weft_...}, with a {@link ApiRole role} on the
 * namespaces it is bound to, until it is revoked.
 *
 * @param tokenId the token's ID, named in listings and in the server's log (safe to show)
 * @param name what the token is for
 * @param role what its holder may do
 * @param namespaces the namespaces it may act on; {@link ApiTokens#ALL_NAMESPACES} alone for every
 *     namespace
 * @param createdAt when it was created
 * @param revokedAt when it was revoked; null while it is valid
 */
public record ApiToken(
    String tokenId,
    String name,
    ApiRole role,
    Set<String> namespaces,
    Instant createdAt,
    Instant revokedAt) {

  /** Validates the token and copies its namespaces. */
  public ApiToken {
    Objects.requireNonNull(tokenId, "tokenId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(createdAt, "createdAt");
    namespaces = Set.copyOf(namespaces);
  }

  /** Whether the token was revoked (it then authenticates no one). */
  public boolean isRevoked() {
    return revokedAt != null;
  }

  /** Whether the token is bound to every namespace ({@code *}). */
  public boolean coversEveryNamespace() {
    return namespaces.contains(ApiTokens.ALL_NAMESPACES);
  }

  /** Whether the token may act on {@code namespace}. */
  public boolean covers(String namespace) {
    return coversEveryNamespace() || namespaces.contains(namespace);
  }
}
