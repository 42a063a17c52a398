package dev.weft.store.jdbc.assets;

import dev.weft.store.assets.backfills.BackfillAssetProgress;
import dev.weft.store.assets.backfills.BackfillCatalog;
import dev.weft.store.assets.backfills.BackfillChunk;
import dev.weft.store.assets.backfills.BackfillChunkPage;
import dev.weft.store.assets.backfills.BackfillPage;
import dev.weft.store.assets.backfills.BackfillRecord;
import dev.weft.store.assets.backfills.BackfillStatus;
import dev.weft.store.assets.backfills.ChunkStatus;
import dev.weft.store.jdbc.JdbcReads;
import dev.weft.store.jdbc.SqlSession;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link BackfillCatalog} over a store's read connections. */
final class JdbcBackfillCatalog implements BackfillCatalog {
  private static final String ROW =
      "SELECT seq, backfill_id, namespace, location, selection, partitions_json,"
          + " max_concurrent_runs, status, retry_of, workflow_id, created_at, updated_at, ended_at"
          + " FROM asset_backfills";
  private static final String ASSETS =
      "SELECT asset_key, partitions, materialized, failed, in_progress, skipped"
          + " FROM asset_backfill_assets WHERE namespace = ? AND backfill_id = ? ORDER BY position";

  private final JdbcReads reads;

  JdbcBackfillCatalog(JdbcReads reads) {
    this.reads = reads;
  }

  @Override
  public Optional<BackfillRecord> describe(String namespace, String backfillId) {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(backfillId, "backfillId");
    return reads.read(
        "backfill " + backfillId,
        session -> {
          PreparedStatement ps = session.prepare(ROW + " WHERE namespace = ? AND backfill_id = ?");
          ps.setString(1, namespace);
          ps.setString(2, backfillId);
          try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              return Optional.<BackfillRecord>empty();
            }
            Row row = row(rs);
            return Optional.of(row.record(assets(session, namespace, backfillId)));
          }
        });
  }

  @Override
  public BackfillPage list(String namespace, BackfillStatus status, String pageToken, int limit) {
    Objects.requireNonNull(namespace, "namespace");
    checkLimit(limit);
    long below = SeqToken.parse("b", "backfills", pageToken);
    return reads.read(
        "backfills of namespace " + namespace,
        session -> {
          PreparedStatement ps =
              session.prepare(
                  ROW
                      + " WHERE namespace = ? AND seq < ?"
                      + (status == null ? "" : " AND status = ?")
                      + " ORDER BY seq DESC LIMIT ?");
          int i = 1;
          ps.setString(i++, namespace);
          ps.setLong(i++, below);
          if (status != null) {
            ps.setString(i++, status.name());
          }
          ps.setInt(i, limit + 1);
          List<Row> rows = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              rows.add(row(rs));
            }
          }
          String next = null;
          if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = SeqToken.format("b", rows.getLast().seq());
          }
          List<BackfillRecord> out = new ArrayList<>();
          for (Row row : rows) {
            out.add(row.record(assets(session, namespace, row.id())));
          }
          return new BackfillPage(out, next);
        });
  }

  @Override
  public BackfillChunkPage chunks(
      String namespace, String backfillId, ChunkStatus status, String pageToken, int limit) {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(backfillId, "backfillId");
    Objects.requireNonNull(status, "status");
    checkLimit(limit);
    long after = pageToken == null ? 0 : SeqToken.parse("c", "chunks", pageToken);
    return reads.read(
        "chunks of backfill " + backfillId,
        session -> {
          PreparedStatement ps =
              session.prepare(
                  "SELECT id, asset_key, start_index, end_index, from_key, to_key, status, error"
                      + " FROM asset_backfill_chunks WHERE namespace = ? AND backfill_id = ?"
                      + " AND status = ? AND id > ? ORDER BY id LIMIT ?");
          ps.setString(1, namespace);
          ps.setString(2, backfillId);
          ps.setString(3, status.name());
          ps.setLong(4, after);
          ps.setInt(5, limit + 1);
          List<BackfillChunk> out = new ArrayList<>();
          List<Long> ids = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              ids.add(rs.getLong(1));
              out.add(
                  new BackfillChunk(
                      rs.getString(2),
                      rs.getLong(3),
                      rs.getLong(4),
                      rs.getString(5),
                      rs.getString(6),
                      ChunkStatus.valueOf(rs.getString(7)),
                      rs.getString(8)));
            }
          }
          if (out.size() <= limit) {
            return new BackfillChunkPage(out, null);
          }
          return new BackfillChunkPage(
              out.subList(0, limit), SeqToken.format("c", ids.get(limit - 1)));
        });
  }

  private static void checkLimit(int limit) {
    if (limit < 1 || limit > 1_000) {
      throw new IllegalArgumentException("limit must be 1 to 1000, was " + limit);
    }
  }

  private static List<BackfillAssetProgress> assets(
      SqlSession session, String namespace, String backfillId) throws SQLException {
    PreparedStatement ps = session.prepare(ASSETS);
    ps.setString(1, namespace);
    ps.setString(2, backfillId);
    List<BackfillAssetProgress> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new BackfillAssetProgress(
                rs.getString(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getLong(4),
                rs.getLong(5),
                rs.getLong(6)));
      }
    }
    return out;
  }

  private static Row row(ResultSet rs) throws SQLException {
    long ended = rs.getLong(13);
    boolean noEnd = rs.wasNull();
    return new Row(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getInt(7),
        BackfillStatus.valueOf(rs.getString(8)),
        rs.getString(9),
        rs.getString(10),
        Instant.ofEpochMilli(rs.getLong(11)),
        Instant.ofEpochMilli(rs.getLong(12)),
        noEnd ? null : Instant.ofEpochMilli(ended));
  }

  private record Row(
      long seq,
      String id,
      String namespace,
      String location,
      String selection,
      String partitionsJson,
      int maxConcurrentRuns,
      BackfillStatus status,
      String retryOf,
      String workflowId,
      Instant createdAt,
      Instant updatedAt,
      Instant endedAt) {
    BackfillRecord record(List<BackfillAssetProgress> assets) {
      return new BackfillRecord(
          id,
          namespace,
          location,
          selection,
          partitionsJson,
          maxConcurrentRuns,
          status,
          retryOf,
          workflowId,
          createdAt,
          updatedAt,
          endedAt,
          assets);
    }
  }
}
