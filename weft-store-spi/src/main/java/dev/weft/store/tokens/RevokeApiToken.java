package dev.weft.store.tokens;

import dev.weft.store.Write;
import java.time.Instant;
import java.util.Objects;

/**
 * Revokes an API token: from then on it authenticates no one. Conditional: conflicts if no token
 * has this ID. Revoking a revoked token changes nothing (it keeps its first revocation time). The
 * token stays in the store, so listings show who had access until when.
 *
 * @param tokenId the token's ID
 * @param revokedAt when it is revoked
 */
public record RevokeApiToken(String tokenId, Instant revokedAt) implements Write {
  /** Validates the write. */
  public RevokeApiToken {
    Objects.requireNonNull(tokenId, "tokenId");
    Objects.requireNonNull(revokedAt, "revokedAt");
  }

  /** Null: a token belongs to no run. */
  @Override
  public String runId() {
    return null;
  }
}
