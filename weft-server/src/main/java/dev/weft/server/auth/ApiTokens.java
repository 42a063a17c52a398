package dev.weft.server.auth;

import dev.weft.server.http.ApiRole;
import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.Store;
import dev.weft.store.StoreException;
import dev.weft.store.Write;
import dev.weft.store.tokens.InsertApiToken;
import dev.weft.store.tokens.RevokeApiToken;
import dev.weft.store.tokens.StoredApiToken;
import dev.weft.store.tokens.StoredApiTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;

/**
 * Creates, lists, finds and revokes the HTTP API's tokens, kept in a store (the api-tokens store
 * extension, which every SQL store installs). A token's secret is 32 bytes from {@link
 * SecureRandom}, shown once as {@code weft_<base64url>}; the store keeps only its SHA-256 hash, and
 * a presented secret is matched by comparing hashes in constant time ({@link
 * MessageDigest#isEqual}).
 *
 * <pre>{@code
 * ApiTokens tokens = ApiTokens.in(engine.store());
 * NewApiToken ops = tokens.create("ops on-call", ApiRole.OPERATOR, Set.of("default"));
 * System.out.println(ops.secret()); // weft_...: shown this once
 * tokens.revoke(ops.token().tokenId());
 * }</pre>
 *
 * <p>Thread-safe. Every method reads or writes the store, so several server nodes on one database
 * see the same tokens: a revocation holds on every node from its next request.
 */
public final class ApiTokens {
  /** The namespace binding that covers every namespace. */
  public static final String ALL_NAMESPACES = "*";

  /** The prefix of every secret. */
  public static final String SECRET_PREFIX = "weft_";

  private static final int SECRET_BYTES = 32;
  private static final int MAX_NAME_LENGTH = 200;

  private final Store store;
  private final Clock clock;
  private final SecureRandom random;

  /**
   * Tokens in {@code store}, timed by {@code clock}, secrets and IDs from {@code random}. A store
   * without the api-tokens extension is refused at the first call, with a {@link StoreException}
   * naming the store ({@link #requireInstalled} checks at once).
   */
  public ApiTokens(Store store, Clock clock, SecureRandom random) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** Tokens in {@code store}, with the system clock and a new {@link SecureRandom}. */
  public static ApiTokens in(Store store) {
    return new ApiTokens(store, Clock.systemUTC(), new SecureRandom());
  }

  /**
   * Creates a token and returns it with its secret, which is never shown again.
   *
   * @param name what the token is for: 1 to 200 characters, not blank
   * @param role what its holder may do
   * @param namespaces the namespaces it may act on: at least one, none blank; {@code *} alone for
   *     every namespace
   * @throws IllegalArgumentException naming the bad argument; nothing is created
   * @throws StoreException if the store failed
   */
  public NewApiToken create(String name, ApiRole role, Set<String> namespaces) {
    checkName(name);
    Objects.requireNonNull(role, "role");
    checkNamespaces(namespaces);
    byte[] secretBytes = new byte[SECRET_BYTES];
    random.nextBytes(secretBytes);
    String secret =
        SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
    byte[] idBytes = new byte[8];
    random.nextBytes(idBytes);
    String tokenId = HexFormat.of().formatHex(idBytes);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    StoredApiToken stored =
        new StoredApiToken(tokenId, name, role.name(), namespaces, hash(secret), now, null);
    CommitResult result = commit(new InsertApiToken(stored));
    if (result instanceof CommitResult.Conflict c) {
      throw new IllegalStateException("cannot create token '" + name + "': " + c.reason());
    }
    return new NewApiToken(toApi(stored), secret);
  }

  /**
   * Returns every token, revoked ones included, oldest first.
   *
   * @throws StoreException if the store failed
   */
  public List<ApiToken> list() {
    return reads().list().stream().map(ApiTokens::toApi).toList();
  }

  /**
   * Returns the token with this ID, revoked or not.
   *
   * @throws StoreException if the store failed
   */
  public Optional<ApiToken> find(String tokenId) {
    Objects.requireNonNull(tokenId, "tokenId");
    return reads().find(tokenId).map(ApiTokens::toApi);
  }

  /**
   * Returns the token whose secret this is, revoked or not; empty for a secret no token has (or
   * that is not a Weft token at all). The final comparison of the hashes takes constant time.
   *
   * @throws StoreException if the store failed
   */
  public Optional<ApiToken> findBySecret(String secret) {
    if (secret == null || !secret.startsWith(SECRET_PREFIX) || secret.length() > 200) {
      return Optional.empty();
    }
    byte[] presented = hash(secret);
    return reads()
        .findBySecretHash(presented)
        .filter(t -> MessageDigest.isEqual(t.secretHash(), presented))
        .map(ApiTokens::toApi);
  }

  /**
   * Revokes a token: from now on it authenticates no one, on every node. Revoking a revoked token
   * changes nothing (its first revocation time stays).
   *
   * @return the token, revoked
   * @throws ApiTokenNotFoundException if no token has this ID; nothing changed
   * @throws StoreException if the store failed
   */
  public ApiToken revoke(String tokenId) {
    Objects.requireNonNull(tokenId, "tokenId");
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    if (commit(new RevokeApiToken(tokenId, now)) instanceof CommitResult.Conflict) {
      throw new ApiTokenNotFoundException(tokenId);
    }
    return find(tokenId).orElseThrow(() -> new ApiTokenNotFoundException(tokenId));
  }

  /**
   * Checks that the store keeps tokens.
   *
   * @throws StoreException if the store does not have the api-tokens extension installed
   */
  public void requireInstalled() {
    reads();
  }

  private StoredApiTokens reads() {
    return store.extension(StoredApiTokens.class);
  }

  private CommitResult commit(Write write) {
    try {
      return store.commit(Batch.of(write)).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  private static ApiToken toApi(StoredApiToken t) {
    return new ApiToken(
        t.tokenId(),
        t.name(),
        ApiRole.valueOf(t.role()),
        t.namespaces(),
        t.createdAt(),
        t.revokedAt());
  }

  private static byte[] hash(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  private static void checkName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a token's name must not be blank, was '" + name + "'");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "a token's name is at most " + MAX_NAME_LENGTH + " characters, was " + name.length());
    }
  }

  private static void checkNamespaces(Set<String> namespaces) {
    if (namespaces == null || namespaces.isEmpty()) {
      throw new IllegalArgumentException(
          "a token is bound to at least one namespace ('*' for every namespace)");
    }
    for (String ns : namespaces) {
      if (ns == null || ns.isBlank()) {
        throw new IllegalArgumentException(
            "a token's namespace must not be blank, was '" + ns + "'");
      }
    }
    if (namespaces.contains(ALL_NAMESPACES) && namespaces.size() > 1) {
      throw new IllegalArgumentException(
          "'*' (every namespace) stands alone; was bound to " + namespaces);
    }
  }
}
