package dev.weft.store.jdbc.tokens;

import dev.weft.store.jdbc.ConflictException;
import dev.weft.store.jdbc.JdbcExtension;
import dev.weft.store.jdbc.WriteContext;
import dev.weft.store.tokens.InsertApiToken;
import dev.weft.store.tokens.RevokeApiToken;
import dev.weft.store.tokens.StoredApiToken;
import dev.weft.store.tokens.StoredApiTokens;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.TreeSet;

/**
 * The store extension of the HTTP API's tokens ({@code api-tokens}): applies {@link InsertApiToken}
 * and {@link RevokeApiToken}, offers {@link StoredApiTokens}. Its tables, {@code api_tokens} (one
 * row per token, found by ID or by the secret's hash) and {@code api_token_namespaces} (the
 * namespaces each token is bound to), are created by its migrations in {@code
 * db/ext/api-tokens/<dialect>/}. Tokens belong to no run, so deleting a run deletes none. Declared
 * in this module's {@code META-INF/services}, so every SQL store installs it unless its options
 * name other extensions. Stateless.
 */
public final class ApiTokensExtension implements JdbcExtension {

  /** Creates the extension (the service loader calls this). */
  public ApiTokensExtension() {}

  @Override
  public String name() {
    return "api-tokens";
  }

  @Override
  public void install(Registry registry) {
    registry
        .write(InsertApiToken.class, ApiTokensExtension::insert)
        .write(RevokeApiToken.class, ApiTokensExtension::revoke)
        .reads(StoredApiTokens.class, new JdbcApiTokens(registry.readPool()));
  }

  private static void insert(InsertApiToken w, WriteContext tx)
      throws SQLException, ConflictException {
    StoredApiToken t = w.token();
    PreparedStatement taken =
        tx.prepare("SELECT token_id FROM api_tokens WHERE token_id = ? OR secret_hash = ?");
    taken.setString(1, t.tokenId());
    taken.setBytes(2, t.secretHash());
    try (ResultSet rs = taken.executeQuery()) {
      if (rs.next()) {
        throw new ConflictException(
            w,
            rs.getString(1).equals(t.tokenId())
                ? "token " + t.tokenId() + " exists"
                : "another token (" + rs.getString(1) + ") has the same secret");
      }
    }
    PreparedStatement insert =
        tx.prepare(
            "INSERT INTO api_tokens (token_id, name, role, secret_hash, created_at, revoked_at)"
                + " VALUES (?, ?, ?, ?, ?, NULL)");
    insert.setString(1, t.tokenId());
    insert.setString(2, t.name());
    insert.setString(3, t.role());
    insert.setBytes(4, t.secretHash());
    insert.setLong(5, t.createdAt().toEpochMilli());
    insert.executeUpdate();
    PreparedStatement ns =
        tx.prepare("INSERT INTO api_token_namespaces (token_id, namespace) VALUES (?, ?)");
    for (String namespace : new TreeSet<>(t.namespaces())) {
      ns.setString(1, t.tokenId());
      ns.setString(2, namespace);
      ns.executeUpdate();
    }
  }

  private static void revoke(RevokeApiToken w, WriteContext tx)
      throws SQLException, ConflictException {
    PreparedStatement revoke =
        tx.prepare("UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE token_id = ?");
    revoke.setLong(1, w.revokedAt().toEpochMilli());
    revoke.setString(2, w.tokenId());
    if (revoke.executeUpdate() == 0) {
      throw new ConflictException(w, "no token " + w.tokenId());
    }
  }
}
