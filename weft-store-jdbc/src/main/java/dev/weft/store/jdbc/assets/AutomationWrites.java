package dev.weft.store.jdbc.assets;

import dev.weft.store.assets.automation.AcquireAutomationLease;
import dev.weft.store.assets.automation.AppendCronTick;
import dev.weft.store.assets.automation.AssetChangeKind;
import dev.weft.store.assets.automation.AutomationEvaluationRecord;
import dev.weft.store.assets.automation.RecordAutomationEvaluations;
import dev.weft.store.jdbc.ConflictException;
import dev.weft.store.jdbc.WriteContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Applies automation's writes: the evaluator's lease ({@link AcquireAutomationLease}), its
 * evaluations with the cursor move ({@link RecordAutomationEvaluations}, fenced by the lease and
 * the expected cursor) and cron ticks ({@link AppendCronTick}, once per asset and tick).
 */
final class AutomationWrites {
  private final GraphCache graphs;
  private final ChangeLog changes;
  private final String rowLock;

  AutomationWrites(GraphCache graphs, ChangeLog changes, String rowLock) {
    this.graphs = graphs;
    this.changes = changes;
    this.rowLock = rowLock;
  }

  void lease(AcquireAutomationLease w, WriteContext tx) throws SQLException, ConflictException {
    PreparedStatement create =
        tx.prepare(
            "INSERT INTO automation_cursors (namespace, location, cursor_seq, owner, lease_until)"
                + " VALUES (?, ?, 0, ?, ?) ON CONFLICT (namespace, location) DO NOTHING");
    create.setString(1, w.namespace());
    create.setString(2, w.location());
    create.setString(3, w.owner());
    create.setLong(4, w.until().toEpochMilli());
    if (create.executeUpdate() == 1) {
      return;
    }
    Holder holder = holder(tx, w.namespace(), w.location());
    if (!holder.owner.equals(w.owner()) && holder.leaseUntil > w.at().toEpochMilli()) {
      throw new ConflictException(
          w,
          "automation of "
              + w.namespace()
              + "/"
              + w.location()
              + " is leased to "
              + holder.owner
              + " until "
              + java.time.Instant.ofEpochMilli(holder.leaseUntil));
    }
    PreparedStatement update =
        tx.prepare(
            "UPDATE automation_cursors SET owner = ?, lease_until = ?"
                + " WHERE namespace = ? AND location = ?");
    update.setString(1, w.owner());
    update.setLong(2, w.until().toEpochMilli());
    update.setString(3, w.namespace());
    update.setString(4, w.location());
    update.executeUpdate();
  }

  void evaluations(RecordAutomationEvaluations w, WriteContext tx)
      throws SQLException, ConflictException {
    Holder holder = holder(tx, w.namespace(), w.location());
    String where = "automation of " + w.namespace() + "/" + w.location();
    if (holder == null) {
      throw new ConflictException(w, where + " has no lease: acquire it first");
    }
    if (!holder.owner.equals(w.owner()) || holder.leaseUntil <= w.at().toEpochMilli()) {
      throw new ConflictException(
          w,
          where
              + " is leased to "
              + holder.owner
              + " until "
              + java.time.Instant.ofEpochMilli(holder.leaseUntil)
              + ", not to "
              + w.owner()
              + " at "
              + w.at());
    }
    if (holder.cursor != w.expectedCursor()) {
      throw new ConflictException(
          w, where + " has cursor " + holder.cursor + ", not the expected " + w.expectedCursor());
    }
    for (AutomationEvaluationRecord e : w.evaluations()) {
      insert(tx, w.namespace(), e);
      if (e.fired()) {
        handled(tx, w.namespace(), e);
      }
    }
    if (w.newCursor() != w.expectedCursor()) {
      PreparedStatement move =
          tx.prepare(
              "UPDATE automation_cursors SET cursor_seq = ? WHERE namespace = ? AND location = ?");
      move.setLong(1, w.newCursor());
      move.setString(2, w.namespace());
      move.setString(3, w.location());
      move.executeUpdate();
    }
  }

  void cronTick(AppendCronTick w, WriteContext tx) throws SQLException, ConflictException {
    graphs.lock(tx, w.namespace(), w.tick());
    PreparedStatement latest =
        tx.prepare(
            "SELECT MAX(at) FROM asset_changes WHERE namespace = ? AND asset_key = ?"
                + " AND kind = 'CRON_TICK'");
    latest.setString(1, w.namespace());
    latest.setString(2, w.assetKey());
    try (ResultSet rs = latest.executeQuery()) {
      if (rs.next()) {
        long at = rs.getLong(1);
        if (!rs.wasNull() && at >= w.tick().toEpochMilli()) {
          throw new ConflictException(
              w,
              "cron tick "
                  + w.tick()
                  + " of asset "
                  + w.assetKey()
                  + " in "
                  + w.namespace()
                  + " is recorded already (latest tick "
                  + java.time.Instant.ofEpochMilli(at)
                  + ")");
        }
      }
    }
    changes.append(tx, w.namespace(), w.assetKey(), "", AssetChangeKind.CRON_TICK, null, w.tick());
  }

  private Holder holder(WriteContext tx, String namespace, String location) throws SQLException {
    PreparedStatement select =
        tx.prepare(
            "SELECT owner, lease_until, cursor_seq FROM automation_cursors"
                + " WHERE namespace = ? AND location = ?"
                + rowLock);
    select.setString(1, namespace);
    select.setString(2, location);
    try (ResultSet rs = select.executeQuery()) {
      return rs.next() ? new Holder(rs.getString(1), rs.getLong(2), rs.getLong(3)) : null;
    }
  }

  private static void insert(WriteContext tx, String namespace, AutomationEvaluationRecord e)
      throws SQLException {
    PreparedStatement ps =
        tx.prepare(
            "INSERT INTO automation_evaluations (namespace, asset_key, condition, fired, reason,"
                + " partitions, workflow_id, run_id, from_seq, to_seq, at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    ps.setString(1, namespace);
    ps.setString(2, e.assetKey());
    ps.setString(3, e.condition());
    ps.setBoolean(4, e.fired());
    ps.setString(5, e.reason());
    ps.setString(6, e.partitions());
    ps.setString(7, e.workflowId());
    ps.setString(8, e.runId());
    ps.setLong(9, e.fromSeq());
    ps.setLong(10, e.toSeq());
    ps.setLong(11, e.at().toEpochMilli());
    ps.executeUpdate();
  }

  private static void handled(WriteContext tx, String namespace, AutomationEvaluationRecord e)
      throws SQLException {
    PreparedStatement ps =
        tx.prepare(
            "INSERT INTO automation_assets (namespace, asset_key, handled_seq, workflow_id, run_id)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (namespace, asset_key) DO UPDATE SET"
                + " handled_seq = excluded.handled_seq, workflow_id = excluded.workflow_id,"
                + " run_id = excluded.run_id");
    ps.setString(1, namespace);
    ps.setString(2, e.assetKey());
    ps.setLong(3, e.toSeq());
    ps.setString(4, e.workflowId());
    ps.setString(5, e.runId());
    ps.executeUpdate();
  }

  private record Holder(String owner, long leaseUntil, long cursor) {}
}
