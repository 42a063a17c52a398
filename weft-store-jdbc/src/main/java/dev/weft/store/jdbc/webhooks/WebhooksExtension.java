package dev.weft.store.jdbc.webhooks;

import dev.weft.store.jdbc.ConflictException;
import dev.weft.store.jdbc.JdbcExtension;
import dev.weft.store.jdbc.WriteContext;
import dev.weft.store.webhooks.ReplaceWebhooks;
import dev.weft.store.webhooks.StoredWebhook;
import dev.weft.store.webhooks.StoredWebhooks;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The store extension of webhook definitions ({@code webhooks}): applies {@link ReplaceWebhooks},
 * offers {@link StoredWebhooks}. Its table {@code webhooks} (one row per hook, keyed by namespace
 * and name) is created by its migrations in {@code db/ext/webhooks/<dialect>/}. Hooks belong to no
 * run, so deleting a run deletes none; their deliveries are runs of the delivery workflow, not rows
 * here. Declared in this module's {@code META-INF/services}, so every SQL store installs it unless
 * its options name other extensions. Stateless.
 */
public final class WebhooksExtension implements JdbcExtension {

  /** Creates the extension (the service loader calls this). */
  public WebhooksExtension() {}

  @Override
  public String name() {
    return "webhooks";
  }

  @Override
  public void install(Registry registry) {
    registry
        .write(ReplaceWebhooks.class, WebhooksExtension::replace)
        .reads(StoredWebhooks.class, new JdbcWebhooks(registry.readPool()));
  }

  private static void replace(ReplaceWebhooks w, WriteContext tx)
      throws SQLException, ConflictException {
    PreparedStatement owner =
        tx.prepare("SELECT source FROM webhooks WHERE namespace = ? AND name = ?");
    for (StoredWebhook hook : w.hooks()) {
      owner.setString(1, w.namespace());
      owner.setString(2, hook.name());
      try (ResultSet rs = owner.executeQuery()) {
        if (rs.next() && !rs.getString(1).equals(w.source())) {
          throw new ConflictException(
              w,
              "webhook "
                  + hook.name()
                  + " of namespace "
                  + w.namespace()
                  + " is defined by "
                  + rs.getString(1)
                  + ", not by "
                  + w.source());
        }
      }
    }
    PreparedStatement delete =
        tx.prepare("DELETE FROM webhooks WHERE namespace = ? AND source = ?");
    delete.setString(1, w.namespace());
    delete.setString(2, w.source());
    delete.executeUpdate();
    PreparedStatement insert =
        tx.prepare(
            "INSERT INTO webhooks (namespace, name, source, secret_env, action, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)");
    for (StoredWebhook hook : w.hooks()) {
      insert.setString(1, hook.namespace());
      insert.setString(2, hook.name());
      insert.setString(3, hook.source());
      insert.setString(4, hook.secretEnv());
      insert.setString(5, hook.action());
      insert.setLong(6, hook.updatedAt().toEpochMilli());
      insert.executeUpdate();
    }
  }
}
