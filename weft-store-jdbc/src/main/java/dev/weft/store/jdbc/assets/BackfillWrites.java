package dev.weft.store.jdbc.assets;

import dev.weft.store.assets.backfills.BackfillStatus;
import dev.weft.store.assets.backfills.ChunkStatus;
import dev.weft.store.assets.backfills.CreateBackfill;
import dev.weft.store.assets.backfills.PlanBackfill;
import dev.weft.store.assets.backfills.RecordBackfillChunk;
import dev.weft.store.assets.backfills.SetBackfillStatus;
import dev.weft.store.jdbc.ConflictException;
import dev.weft.store.jdbc.WriteContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Map;

/**
 * Applies the backfill writes. A backfill's row is locked first ({@code rowLock}), so its status
 * changes and chunk records never interleave on a shared PostgreSQL store; a chunk's counts move by
 * the difference between its stored and its new status, so a record applied twice counts once.
 */
final class BackfillWrites {
  private final String rowLock;

  BackfillWrites(String rowLock) {
    this.rowLock = rowLock;
  }

  void create(CreateBackfill w, WriteContext tx) throws SQLException, ConflictException {
    if (status(tx, w.namespace(), w.backfillId()) != null) {
      throw new ConflictException(
          w, "backfill " + w.backfillId() + " exists already in namespace " + w.namespace());
    }
    PreparedStatement ps =
        tx.prepare(
            "INSERT INTO asset_backfills (namespace, backfill_id, location, selection,"
                + " partitions_json, max_concurrent_runs, status, retry_of, workflow_id,"
                + " created_at, updated_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " NULL)");
    ps.setString(1, w.namespace());
    ps.setString(2, w.backfillId());
    ps.setString(3, w.location());
    ps.setString(4, w.selection());
    ps.setString(5, w.partitionsJson());
    ps.setInt(6, w.maxConcurrentRuns());
    ps.setString(7, BackfillStatus.REQUESTED.name());
    if (w.retryOf() == null) {
      ps.setNull(8, Types.VARCHAR);
    } else {
      ps.setString(8, w.retryOf());
    }
    ps.setString(9, w.workflowId());
    ps.setLong(10, w.at().toEpochMilli());
    ps.setLong(11, w.at().toEpochMilli());
    ps.executeUpdate();
  }

  void plan(PlanBackfill w, WriteContext tx) throws SQLException, ConflictException {
    BackfillStatus status = existing(tx, w, w.namespace(), w.backfillId());
    int position = 0;
    for (Map.Entry<String, Long> asset : w.partitions().entrySet()) {
      PreparedStatement insert =
          tx.prepare(
              "INSERT INTO asset_backfill_assets (namespace, backfill_id, asset_key, position,"
                  + " partitions, materialized, failed, in_progress, skipped)"
                  + " SELECT ?, ?, ?, ?, ?, 0, 0, 0, 0 WHERE NOT EXISTS (SELECT 1 FROM"
                  + " asset_backfill_assets WHERE namespace = ? AND backfill_id = ?"
                  + " AND asset_key = ?)");
      insert.setString(1, w.namespace());
      insert.setString(2, w.backfillId());
      insert.setString(3, asset.getKey());
      insert.setInt(4, position++);
      insert.setLong(5, asset.getValue());
      insert.setString(6, w.namespace());
      insert.setString(7, w.backfillId());
      insert.setString(8, asset.getKey());
      insert.executeUpdate();
    }
    BackfillStatus next = status == BackfillStatus.REQUESTED ? BackfillStatus.RUNNING : status;
    update(tx, w.namespace(), w.backfillId(), next, w.at().toEpochMilli(), false);
  }

  void chunk(RecordBackfillChunk w, WriteContext tx) throws SQLException, ConflictException {
    existing(tx, w, w.namespace(), w.backfillId());
    for (String asset : w.assetKeys()) {
      PreparedStatement find =
          tx.prepare(
              "SELECT id, status FROM asset_backfill_chunks WHERE namespace = ?"
                  + " AND backfill_id = ? AND asset_key = ? AND start_index = ?");
      find.setString(1, w.namespace());
      find.setString(2, w.backfillId());
      find.setString(3, asset);
      find.setLong(4, w.start());
      ChunkStatus before = null;
      long id = 0;
      try (ResultSet rs = find.executeQuery()) {
        if (rs.next()) {
          id = rs.getLong(1);
          before = ChunkStatus.valueOf(rs.getString(2));
        }
      }
      if (before == w.status() || (before != null && before.ended())) {
        continue;
      }
      if (before == null) {
        insertChunk(tx, w, asset);
      } else {
        PreparedStatement change =
            tx.prepare(
                "UPDATE asset_backfill_chunks SET status = ?, error = ?, at = ?, end_index = ?,"
                    + " from_key = ?, to_key = ? WHERE id = ?");
        change.setString(1, w.status().name());
        setNullable(change, 2, w.error());
        change.setLong(3, w.at().toEpochMilli());
        change.setLong(4, w.end());
        change.setString(5, w.fromKey());
        change.setString(6, w.toKey());
        change.setLong(7, id);
        change.executeUpdate();
      }
      long n = w.end() - w.start();
      String counts = column(w.status()) + " = " + column(w.status()) + " + " + n;
      if (before != null) {
        counts += ", " + column(before) + " = " + column(before) + " - " + n;
      }
      PreparedStatement move =
          tx.prepare(
              "UPDATE asset_backfill_assets SET "
                  + counts
                  + " WHERE namespace = ? AND backfill_id = ? AND asset_key = ?");
      move.setString(1, w.namespace());
      move.setString(2, w.backfillId());
      move.setString(3, asset);
      move.executeUpdate();
    }
    PreparedStatement touch =
        tx.prepare(
            "UPDATE asset_backfills SET updated_at = ? WHERE namespace = ? AND backfill_id = ?");
    touch.setLong(1, w.at().toEpochMilli());
    touch.setString(2, w.namespace());
    touch.setString(3, w.backfillId());
    touch.executeUpdate();
  }

  void status(SetBackfillStatus w, WriteContext tx) throws SQLException, ConflictException {
    BackfillStatus before = existing(tx, w, w.namespace(), w.backfillId());
    if (before.ended()) {
      throw new ConflictException(
          w,
          "backfill "
              + w.backfillId()
              + " ended already ("
              + before
              + "): it cannot become "
              + w.status());
    }
    if (before == BackfillStatus.CANCELING && !w.status().ended()) {
      throw new ConflictException(
          w, "backfill " + w.backfillId() + " is being canceled: it cannot become " + w.status());
    }
    update(
        tx, w.namespace(), w.backfillId(), w.status(), w.at().toEpochMilli(), w.status().ended());
  }

  private void insertChunk(WriteContext tx, RecordBackfillChunk w, String asset)
      throws SQLException {
    PreparedStatement ps =
        tx.prepare(
            "INSERT INTO asset_backfill_chunks (namespace, backfill_id, asset_key, start_index,"
                + " end_index, from_key, to_key, status, error, at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    ps.setString(1, w.namespace());
    ps.setString(2, w.backfillId());
    ps.setString(3, asset);
    ps.setLong(4, w.start());
    ps.setLong(5, w.end());
    ps.setString(6, w.fromKey());
    ps.setString(7, w.toKey());
    ps.setString(8, w.status().name());
    setNullable(ps, 9, w.error());
    ps.setLong(10, w.at().toEpochMilli());
    ps.executeUpdate();
  }

  private static String column(ChunkStatus status) {
    return switch (status) {
      case IN_PROGRESS -> "in_progress";
      case MATERIALIZED -> "materialized";
      case FAILED -> "failed";
      case SKIPPED -> "skipped";
    };
  }

  private static void setNullable(PreparedStatement ps, int i, String value) throws SQLException {
    if (value == null) {
      ps.setNull(i, Types.VARCHAR);
    } else {
      ps.setString(i, value);
    }
  }

  private void update(
      WriteContext tx, String ns, String id, BackfillStatus status, long at, boolean ended)
      throws SQLException {
    PreparedStatement ps =
        tx.prepare(
            "UPDATE asset_backfills SET status = ?, updated_at = ?"
                + (ended ? ", ended_at = ?" : "")
                + " WHERE namespace = ? AND backfill_id = ?");
    int i = 1;
    ps.setString(i++, status.name());
    ps.setLong(i++, at);
    if (ended) {
      ps.setLong(i++, at);
    }
    ps.setString(i++, ns);
    ps.setString(i, id);
    ps.executeUpdate();
  }

  private BackfillStatus existing(
      WriteContext tx, dev.weft.store.Write w, String namespace, String backfillId)
      throws SQLException, ConflictException {
    BackfillStatus status = status(tx, namespace, backfillId);
    if (status == null) {
      throw new ConflictException(
          w, "backfill " + backfillId + " is not in namespace " + namespace);
    }
    return status;
  }

  private BackfillStatus status(WriteContext tx, String namespace, String backfillId)
      throws SQLException {
    PreparedStatement ps =
        tx.prepare(
            "SELECT status FROM asset_backfills WHERE namespace = ? AND backfill_id = ?" + rowLock);
    ps.setString(1, namespace);
    ps.setString(2, backfillId);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? BackfillStatus.valueOf(rs.getString(1)) : null;
    }
  }
}
