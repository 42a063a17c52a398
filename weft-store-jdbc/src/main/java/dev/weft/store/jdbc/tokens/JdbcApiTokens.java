package dev.weft.store.jdbc.tokens;

import dev.weft.store.jdbc.JdbcReads;
import dev.weft.store.jdbc.SqlSession;
import dev.weft.store.tokens.StoredApiToken;
import dev.weft.store.tokens.StoredApiTokens;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link StoredApiTokens} over a store's read connections. */
final class JdbcApiTokens implements StoredApiTokens {
  private static final String COLUMNS =
      "SELECT token_id, name, role, secret_hash, created_at, revoked_at FROM api_tokens";

  private final JdbcReads reads;

  JdbcApiTokens(JdbcReads reads) {
    this.reads = reads;
  }

  @Override
  public Optional<StoredApiToken> findBySecretHash(byte[] secretHash) {
    return reads.read(
        "token by secret hash",
        session -> {
          PreparedStatement ps = session.prepare(COLUMNS + " WHERE secret_hash = ?");
          ps.setBytes(1, secretHash);
          return one(session, ps);
        });
  }

  @Override
  public Optional<StoredApiToken> find(String tokenId) {
    return reads.read(
        "token " + tokenId,
        session -> {
          PreparedStatement ps = session.prepare(COLUMNS + " WHERE token_id = ?");
          ps.setString(1, tokenId);
          return one(session, ps);
        });
  }

  @Override
  public List<StoredApiToken> list() {
    return reads.read(
        "every token",
        session -> {
          Map<String, Set<String>> namespaces = new HashMap<>();
          try (ResultSet rs =
              session
                  .prepare("SELECT token_id, namespace FROM api_token_namespaces")
                  .executeQuery()) {
            while (rs.next()) {
              namespaces
                  .computeIfAbsent(rs.getString(1), k -> new HashSet<>())
                  .add(rs.getString(2));
            }
          }
          List<StoredApiToken> tokens = new ArrayList<>();
          try (ResultSet rs =
              session.prepare(COLUMNS + " ORDER BY created_at, token_id").executeQuery()) {
            while (rs.next()) {
              tokens.add(token(rs, namespaces.getOrDefault(rs.getString(1), Set.of())));
            }
          }
          return tokens;
        });
  }

  private static Optional<StoredApiToken> one(SqlSession session, PreparedStatement ps)
      throws SQLException {
    String tokenId;
    String name;
    String role;
    byte[] hash;
    long createdAt;
    Long revokedAt;
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      tokenId = rs.getString(1);
      name = rs.getString(2);
      role = rs.getString(3);
      hash = rs.getBytes(4);
      createdAt = rs.getLong(5);
      long revoked = rs.getLong(6);
      revokedAt = rs.wasNull() ? null : revoked;
    }
    PreparedStatement ns =
        session.prepare("SELECT namespace FROM api_token_namespaces WHERE token_id = ?");
    ns.setString(1, tokenId);
    Set<String> namespaces = new HashSet<>();
    try (ResultSet rs = ns.executeQuery()) {
      while (rs.next()) {
        namespaces.add(rs.getString(1));
      }
    }
    return Optional.of(
        new StoredApiToken(
            tokenId,
            name,
            role,
            namespaces,
            hash,
            Instant.ofEpochMilli(createdAt),
            revokedAt == null ? null : Instant.ofEpochMilli(revokedAt)));
  }

  private static StoredApiToken token(ResultSet rs, Set<String> namespaces) throws SQLException {
    long revoked = rs.getLong(6);
    Instant revokedAt = rs.wasNull() ? null : Instant.ofEpochMilli(revoked);
    return new StoredApiToken(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        namespaces,
        rs.getBytes(4),
        Instant.ofEpochMilli(rs.getLong(5)),
        revokedAt);
  }
}
