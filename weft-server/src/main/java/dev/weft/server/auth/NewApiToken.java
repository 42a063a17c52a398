package dev.weft.server.auth;

import java.util.Objects;

/**
 * A token just created, with its secret: the only time the secret is known. Give the secret to the
 * token's holder; the store keeps only its hash, so a lost secret cannot be shown again (revoke the
 * token and make a new one).
 *
 * @param token the token
 * @param secret the secret to send as {@code Authorization: Bearer <secret>}: {@code weft_}
 *     followed by 32 random bytes in base64url (43 characters)
 */
public record NewApiToken(ApiToken token, String secret) {

  /** Validates the record. */
  public NewApiToken {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(secret, "secret");
  }

  /** Names the token, never its secret (so that logging the record leaks nothing). */
  @Override
  public String toString() {
    return "NewApiToken[" + token + ", secret=(hidden)]";
  }
}
