package dev.weft.store.jdbc.assets;

import dev.weft.store.assets.automation.AssetChangeKind;
import dev.weft.store.jdbc.WriteContext;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Appends to the change log ({@code asset_changes}) inside a catalog write's transaction (which
 * holds the namespace's {@code asset_graphs} row, so sequence numbers grow in commit order), and
 * runs the change listeners once the commit is durable: the in-process wake-up of automation.
 */
final class ChangeLog {
  private static final String APPEND =
      "INSERT INTO asset_changes (namespace, asset_key, partition_key, kind, run_id, at)"
          + " VALUES (?, ?, ?, ?, ?, ?)";

  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  void addListener(Runnable listener) {
    listeners.add(listener);
  }

  /** Appends one change; the caller holds the namespace's catalog lock. */
  void append(
      WriteContext tx,
      String namespace,
      String assetKey,
      String partition,
      AssetChangeKind kind,
      String runId,
      Instant at)
      throws SQLException {
    PreparedStatement ps = tx.prepare(APPEND);
    ps.setString(1, namespace);
    ps.setString(2, assetKey);
    ps.setString(3, partition);
    ps.setString(4, kind.name());
    ps.setString(5, runId);
    ps.setLong(6, at.toEpochMilli());
    ps.executeUpdate();
    if (!listeners.isEmpty()) {
      tx.afterCommit(this::changed);
    }
  }

  private void changed() {
    for (Runnable listener : listeners) {
      listener.run();
    }
  }
}
