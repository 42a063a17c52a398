package dev.weft.store.jdbc.webhooks;

import dev.weft.store.jdbc.JdbcReads;
import dev.weft.store.webhooks.StoredWebhook;
import dev.weft.store.webhooks.StoredWebhooks;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link StoredWebhooks} over a store's read connections. */
final class JdbcWebhooks implements StoredWebhooks {
  private static final String COLUMNS =
      "SELECT namespace, name, source, secret_env, action, updated_at FROM webhooks";

  private final JdbcReads reads;

  JdbcWebhooks(JdbcReads reads) {
    this.reads = reads;
  }

  @Override
  public Optional<StoredWebhook> find(String namespace, String name) {
    return reads.read(
        "webhook " + name + " of namespace " + namespace,
        session -> {
          PreparedStatement ps = session.prepare(COLUMNS + " WHERE namespace = ? AND name = ?");
          ps.setString(1, namespace);
          ps.setString(2, name);
          try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(hook(rs)) : Optional.<StoredWebhook>empty();
          }
        });
  }

  @Override
  public List<StoredWebhook> list(String namespace) {
    return reads.read(
        "webhooks of namespace " + namespace,
        session -> {
          PreparedStatement ps = session.prepare(COLUMNS + " WHERE namespace = ? ORDER BY name");
          ps.setString(1, namespace);
          List<StoredWebhook> hooks = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              hooks.add(hook(rs));
            }
          }
          return hooks;
        });
  }

  private static StoredWebhook hook(ResultSet rs) throws SQLException {
    return new StoredWebhook(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        Instant.ofEpochMilli(rs.getLong(6)));
  }
}
