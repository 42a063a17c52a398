package dev.weft.store.tokens;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * An API token as the store keeps it: never the secret, only its SHA-256 hash. The store does not
 * interpret the role or the namespaces; the server does.
 *
 * @param tokenId the token's ID, unique in the store, shown in listings and logs
 * @param name what the token is for, given by whoever created it
 * @param role the role's name ({@code READER}, {@code WORKER}, {@code OPERATOR}, {@code ADMIN})
 * @param namespaces the namespaces the token may act on; {@code *} alone for every namespace
 * @param secretHash the SHA-256 hash of the secret (32 bytes)
 * @param createdAt when it was created
 * @param revokedAt when it was revoked; null while it is valid
 */
public record StoredApiToken(
    String tokenId,
    String name,
    String role,
    Set<String> namespaces,
    byte[] secretHash,
    Instant createdAt,
    Instant revokedAt) {

  /** Validates the token and copies its namespaces and hash. */
  public StoredApiToken {
    Objects.requireNonNull(tokenId, "tokenId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(createdAt, "createdAt");
    namespaces = Set.copyOf(namespaces);
    if (namespaces.isEmpty()) {
      throw new IllegalArgumentException("token " + tokenId + " is bound to no namespace");
    }
    secretHash = secretHash.clone();
    if (secretHash.length != 32) {
      throw new IllegalArgumentException(
          "the secret hash of token " + tokenId + " is " + secretHash.length + " bytes, not 32");
    }
  }

  /** Returns a copy of the secret's hash. */
  @Override
  public byte[] secretHash() {
    return secretHash.clone();
  }

  /** Whether the token was revoked. */
  public boolean isRevoked() {
    return revokedAt != null;
  }

  /** Names the token without its hash. */
  @Override
  public String toString() {
    return "StoredApiToken[" + tokenId + " '" + name + "' " + role + " " + namespaces + "]";
  }
}
