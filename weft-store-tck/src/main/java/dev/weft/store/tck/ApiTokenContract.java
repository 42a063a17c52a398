package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.CommitResult;
import dev.weft.store.Write;
import dev.weft.store.tokens.InsertApiToken;
import dev.weft.store.tokens.RevokeApiToken;
import dev.weft.store.tokens.StoredApiToken;
import dev.weft.store.tokens.StoredApiTokens;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Pins the HTTP API's tokens, a store extension every SQL store installs by default: {@link
 * InsertApiToken} records a token (refused when its ID or its secret's hash is taken), found by the
 * hash or the ID and listed oldest first with its namespaces and times through {@link
 * StoredApiTokens}; {@link RevokeApiToken} sets the revocation time once (refused for an unknown
 * ID); both are rolled back with their batch.
 */
public abstract class ApiTokenContract extends StoreContract {

  private StoredApiTokens tokens() {
    return store.extension(StoredApiTokens.class);
  }

  private static byte[] hash(int seed) {
    byte[] h = new byte[32];
    Arrays.fill(h, (byte) seed);
    h[31] = (byte) (seed * 7);
    return h;
  }

  private static StoredApiToken token(String id, int seed, int createdSecond, String... ns) {
    return new StoredApiToken(
        id, "token " + id, "OPERATOR", Set.of(ns), hash(seed), T0.plusSeconds(createdSecond), null);
  }

  @Test
  void aTokenIsFoundByItsSecretHashAndByItsIdWithEverythingItWasGiven() {
    commitOk(new InsertApiToken(token("t1", 1, 0, "default", "billing")));

    StoredApiToken found = tokens().findBySecretHash(hash(1)).orElseThrow();

    assertThat(found.tokenId()).isEqualTo("t1");
    assertThat(found.name()).isEqualTo("token t1");
    assertThat(found.role()).isEqualTo("OPERATOR");
    assertThat(found.namespaces()).containsExactlyInAnyOrder("default", "billing");
    assertThat(found.secretHash()).isEqualTo(hash(1));
    assertThat(found.createdAt()).isEqualTo(T0);
    assertThat(found.revokedAt()).isNull();
    assertThat(tokens().find("t1").orElseThrow().secretHash()).isEqualTo(hash(1));
    assertThat(tokens().findBySecretHash(hash(2))).isEmpty();
    assertThat(tokens().find("t2")).isEmpty();
  }

  @Test
  void tokensAreListedOldestFirstWithTheirNamespaces() {
    commitOk(new InsertApiToken(token("b", 2, 10, "*")));
    commitOk(new InsertApiToken(token("c", 3, 5, "default")));
    commitOk(new InsertApiToken(token("a", 1, 10, "x", "y")));

    assertThat(tokens().list()).extracting(StoredApiToken::tokenId).containsExactly("c", "a", "b");
    assertThat(tokens().list().get(1).namespaces()).containsExactlyInAnyOrder("x", "y");
    assertThat(tokens().list().get(2).namespaces()).containsExactly("*");
  }

  @Test
  void aTakenIdOrSecretHashIsAConflictAndChangesNothing() {
    commitOk(new InsertApiToken(token("t1", 1, 0, "default")));

    CommitResult.Conflict sameId = commitConflict(new InsertApiToken(token("t1", 2, 1, "other")));
    CommitResult.Conflict sameHash = commitConflict(new InsertApiToken(token("t2", 1, 1, "other")));

    assertThat(sameId.reason()).contains("t1");
    assertThat(sameHash.reason()).contains("t1");
    assertThat(tokens().list()).hasSize(1);
    assertThat(tokens().find("t1").orElseThrow().namespaces()).containsExactly("default");
    assertThat(tokens().find("t2")).isEmpty();
  }

  @Test
  void aRevokedTokenKeepsItsFirstRevocationTimeAndStaysListed() {
    commitOk(new InsertApiToken(token("t1", 1, 0, "default")));
    commitOk(new InsertApiToken(token("t2", 2, 1, "default")));

    commitOk(new RevokeApiToken("t1", T0.plusSeconds(60)));
    commitOk(new RevokeApiToken("t1", T0.plusSeconds(90)));

    assertThat(tokens().findBySecretHash(hash(1)).orElseThrow().revokedAt())
        .isEqualTo(T0.plusSeconds(60));
    assertThat(tokens().find("t2").orElseThrow().isRevoked()).isFalse();
    assertThat(tokens().list()).extracting(StoredApiToken::isRevoked).containsExactly(true, false);
  }

  @Test
  void revokingAnUnknownTokenIsAConflict() {
    CommitResult.Conflict c = commitConflict(new RevokeApiToken("nope", T0));

    assertThat(c.reason()).contains("nope");
  }

  @Test
  void tokenWritesAreRolledBackWithTheirBatch() {
    commitOk(new InsertApiToken(token("t1", 1, 0, "default")));

    commitConflict(
        new InsertApiToken(token("t2", 2, 1, "default")),
        new RevokeApiToken("t1", T0.plusSeconds(5)),
        new Write.DeleteTimer("r1", 99, true));

    assertThat(tokens().find("t2")).isEmpty();
    assertThat(tokens().find("t1").orElseThrow().isRevoked()).isFalse();
  }
}
