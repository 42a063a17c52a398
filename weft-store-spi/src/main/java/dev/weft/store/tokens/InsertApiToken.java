package dev.weft.store.tokens;

import dev.weft.store.Write;
import java.util.Objects;

/**
 * Records a new API token. Conditional: conflicts if a token with the same ID or the same secret
 * hash exists. Applied by the api-tokens store extension; read back with {@link StoredApiTokens}.
 *
 * @param token the token, not revoked
 */
public record InsertApiToken(StoredApiToken token) implements Write {
  /** Validates the write. */
  public InsertApiToken {
    Objects.requireNonNull(token, "token");
    if (token.isRevoked()) {
      throw new IllegalArgumentException("token " + token.tokenId() + " is inserted revoked");
    }
  }

  /** Null: a token belongs to no run. */
  @Override
  public String runId() {
    return null;
  }
}
