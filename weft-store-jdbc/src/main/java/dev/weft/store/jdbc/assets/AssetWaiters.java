package dev.weft.store.jdbc.assets;

import dev.weft.store.Write;
import dev.weft.store.assets.AssetWaitCondition;
import dev.weft.store.assets.AssetWaiterRecord;
import dev.weft.store.assets.AwaitAsset;
import dev.weft.store.assets.ForgetAssetWait;
import dev.weft.store.jdbc.ConflictException;
import dev.weft.store.jdbc.SqlSession;
import dev.weft.store.jdbc.WriteContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs waiting for a condition on an asset partition: applies {@link AwaitAsset} (insert the
 * waiter, then wake it at once if its condition holds) and {@link ForgetAssetWait}, and wakes the
 * waiters a catalog write satisfied ({@link #wakeSatisfied}), in that write's transaction. A
 * wake-up puts the waiter's event into its run's inbox with a workflow task ({@link
 * Write.IfRunning}: a run that closed meanwhile gets nothing) and deletes the waiter. Catalog
 * writes of a namespace hold its {@code asset_graphs} row, so a registration and a materialization
 * never interleave.
 */
final class AssetWaiters {
  private static final String SATISFIED =
      "SELECT w.waiter_id, w.run_id, w.task_queue, w.event_type, w.event_data"
          + " FROM asset_waiters w"
          + " JOIN asset_states s ON s.namespace = w.namespace AND s.asset_key = w.asset_key"
          + " AND s.partition_key = w.partition_key"
          + " LEFT JOIN asset_history h ON h.id = s.current_id"
          + " WHERE w.namespace = ? AND w.partition_index IS NULL"
          + " AND ((w.condition_kind = 'FRESH' AND s.status = 'FRESH')"
          + " OR (w.condition_kind = 'MATERIALIZED_AFTER' AND (h.finished_at > w.after_ms"
          + " OR (s.last_observed_version IS NOT NULL AND s.updated_at > w.after_ms))))";

  /**
   * The waiters on one partition (V009) whose condition the partition's stored range satisfies:
   * FRESH when it is MATERIALIZED; MATERIALIZED_AFTER when its materialization finished after the
   * waiter's point, or, for an observed partition (no materialization), when it was last written
   * after it while MATERIALIZED.
   */
  private static final String PARTITION_SATISFIED =
      "SELECT w.waiter_id, w.run_id, w.task_queue, w.event_type, w.event_data"
          + " FROM asset_waiters w"
          + " JOIN asset_partition_ranges r ON r.namespace = w.namespace"
          + " AND r.asset_key = w.asset_key AND r.start_idx <= w.partition_index"
          + " AND r.end_idx > w.partition_index"
          + " LEFT JOIN asset_history h ON h.id = r.materialization_id"
          + " WHERE w.namespace = ? AND w.partition_index IS NOT NULL"
          + " AND ((w.condition_kind = 'FRESH' AND r.status = 'MATERIALIZED')"
          + " OR (w.condition_kind = 'MATERIALIZED_AFTER' AND (h.finished_at > w.after_ms"
          + " OR (r.materialization_id IS NULL AND r.status = 'MATERIALIZED'"
          + " AND r.updated_at > w.after_ms))))";

  private final GraphCache graphs;

  AssetWaiters(GraphCache graphs) {
    this.graphs = graphs;
  }

  void await(AwaitAsset w, WriteContext tx) throws SQLException, ConflictException {
    graphs.lock(tx, w.namespace(), w.at());
    PreparedStatement delete =
        tx.prepare("DELETE FROM asset_waiters WHERE namespace = ? AND waiter_id = ?");
    delete.setString(1, w.namespace());
    delete.setString(2, w.waiterId());
    delete.executeUpdate();
    PreparedStatement insert =
        tx.prepare(
            "INSERT INTO asset_waiters (namespace, waiter_id, asset_key, partition_key,"
                + " condition_kind, after_ms, run_id, task_queue, event_type, event_data,"
                + " registered_at, partition_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.setString(1, w.namespace());
    insert.setString(2, w.waiterId());
    insert.setString(3, w.assetKey());
    insert.setString(4, w.partition());
    insert.setString(5, w.condition().name());
    insert.setLong(6, w.after().toEpochMilli());
    insert.setString(7, w.wakeRunId());
    insert.setString(8, w.wakeTaskQueue());
    insert.setString(9, w.wakeUpEventType());
    insert.setBytes(10, w.wakeUpEvent());
    insert.setLong(11, w.at().toEpochMilli());
    if (w.partitionIndex() == null) {
      insert.setNull(12, Types.BIGINT);
    } else {
      insert.setLong(12, w.partitionIndex());
    }
    insert.executeUpdate();
    wake(tx, w.namespace(), w.at(), w.waiterId());
  }

  void forget(ForgetAssetWait w, WriteContext tx) throws SQLException {
    PreparedStatement delete =
        tx.prepare("DELETE FROM asset_waiters WHERE namespace = ? AND waiter_id = ?");
    delete.setString(1, w.namespace());
    delete.setString(2, w.waiterId());
    delete.executeUpdate();
  }

  /**
   * Wakes every waiter of the namespace whose condition holds now; called by the catalog writes
   * that change states, after they saved them, with the write's time (the wake-up events' time).
   */
  void wakeSatisfied(WriteContext tx, String namespace, Instant at)
      throws SQLException, ConflictException {
    wake(tx, namespace, at, null);
  }

  private static void wake(WriteContext tx, String namespace, Instant at, String onlyWaiter)
      throws SQLException, ConflictException {
    List<Wake> wakes = new ArrayList<>();
    satisfied(tx, SATISFIED, namespace, onlyWaiter, wakes);
    satisfied(tx, PARTITION_SATISFIED, namespace, onlyWaiter, wakes);
    if (wakes.isEmpty()) {
      return;
    }
    wakes.sort((a, b) -> a.waiterId.compareTo(b.waiterId));
    for (Wake wake : wakes) {
      tx.apply(
          new Write.IfRunning(
              wake.runId,
              List.of(
                  new Write.InsertInbox(wake.runId, wake.eventType, at, wake.event),
                  new Write.EnsureWorkflowTask(wake.runId, wake.taskQueue, at))));
      PreparedStatement delete =
          tx.prepare("DELETE FROM asset_waiters WHERE namespace = ? AND waiter_id = ?");
      delete.setString(1, namespace);
      delete.setString(2, wake.waiterId);
      delete.executeUpdate();
    }
  }

  private static void satisfied(
      WriteContext tx, String query, String namespace, String onlyWaiter, List<Wake> into)
      throws SQLException {
    PreparedStatement ps = tx.prepare(query + (onlyWaiter == null ? "" : " AND w.waiter_id = ?"));
    ps.setString(1, namespace);
    if (onlyWaiter != null) {
      ps.setString(2, onlyWaiter);
    }
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        into.add(
            new Wake(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getBytes(5)));
      }
    }
  }

  /** The waiters of a namespace, oldest first. */
  static List<AssetWaiterRecord> list(SqlSession session, String namespace) throws SQLException {
    PreparedStatement ps =
        session.prepare(
            "SELECT waiter_id, asset_key, partition_key, condition_kind, after_ms, run_id,"
                + " registered_at FROM asset_waiters WHERE namespace = ?"
                + " ORDER BY registered_at, waiter_id");
    ps.setString(1, namespace);
    List<AssetWaiterRecord> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new AssetWaiterRecord(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                AssetWaitCondition.valueOf(rs.getString(4)),
                Instant.ofEpochMilli(rs.getLong(5)),
                rs.getString(6),
                Instant.ofEpochMilli(rs.getLong(7))));
      }
    }
    return out;
  }

  /** Deletes the waiters of a deleted run. */
  static void deleteRun(String runId, WriteContext tx) throws SQLException {
    PreparedStatement ps = tx.prepare("DELETE FROM asset_waiters WHERE run_id = ?");
    ps.setString(1, runId);
    ps.executeUpdate();
  }

  private record Wake(
      String waiterId, String runId, String taskQueue, String eventType, byte[] event) {}
}
