package dev.weft.store.jdbc.assets;

import dev.weft.store.assets.automation.AssetChangeKind;
import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import dev.weft.store.jdbc.WriteContext;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
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
      "INSERT INTO asset_changes (namespace, asset_key, partition_key, kind, run_id, at,"
          + " partition_start, partition_end, partition_ranges) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  void addListener(Runnable listener) {
    listeners.add(listener);
  }

  /** Appends one change of an unpartitioned asset; the caller holds the catalog lock. */
  void append(
      WriteContext tx,
      String namespace,
      String assetKey,
      String partition,
      AssetChangeKind kind,
      String runId,
      Instant at)
      throws SQLException {
    append(tx, namespace, assetKey, partition, null, kind, runId, at);
  }

  /**
   * Appends one change; {@code partitions} are the indexes it touched (null for an unpartitioned
   * asset), {@code partition} their text. The caller holds the namespace's catalog lock.
   */
  void append(
      WriteContext tx,
      String namespace,
      String assetKey,
      String partition,
      IndexRangeSet partitions,
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
    if (partitions == null || partitions.isEmpty()) {
      ps.setNull(7, Types.BIGINT);
      ps.setNull(8, Types.BIGINT);
      ps.setNull(9, Types.VARCHAR);
    } else {
      List<IndexRange> ranges = partitions.ranges();
      ps.setLong(7, ranges.get(0).start());
      ps.setLong(8, ranges.get(ranges.size() - 1).end());
      ps.setString(9, ranges.size() == 1 ? null : partitions.toString());
    }
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
