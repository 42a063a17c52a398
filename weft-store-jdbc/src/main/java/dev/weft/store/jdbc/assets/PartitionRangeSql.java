package dev.weft.store.jdbc.assets;

import dev.weft.store.assets.partitions.PartitionStatus;
import dev.weft.store.jdbc.SqlSession;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of {@code asset_partition_ranges}, shared by the writes and the reads. Public so that
 * each store's tests can check the plans their database makes of it: every statement is a range of
 * the primary key {@code (namespace, asset_key, start_idx)} or of the status index.
 */
public final class PartitionRangeSql {
  private PartitionRangeSql() {}

  static final String COLUMNS =
      "start_idx, end_idx, status, previous_status, data_version, materialization_id, reasons,"
          + " failure, run_id, claim_run_id, updated_at";

  /**
   * The start of the range holding an index, or of the last one before it: where the ranges
   * overlapping a window begin. Parameters: namespace, asset key, index.
   */
  static final String FLOOR_START =
      "(SELECT MAX(start_idx) FROM asset_partition_ranges"
          + " WHERE namespace = ? AND asset_key = ? AND start_idx <= ?)";

  /**
   * The ranges of an asset overlapping {@code [lo, hi)}, in index order. Parameters: namespace,
   * asset key, namespace, asset key, lo, hi, lo.
   */
  public static final String OVERLAPPING =
      "SELECT "
          + COLUMNS
          + " FROM asset_partition_ranges WHERE namespace = ? AND asset_key = ?"
          + " AND start_idx >= COALESCE("
          + FLOOR_START
          + ", 0) AND start_idx < ? AND end_idx > ? ORDER BY start_idx";

  /**
   * The bounds and status of the ranges of an asset overlapping {@code [lo, hi)}, in index order.
   * Parameters: namespace, asset key, namespace, asset key, lo, hi, lo.
   */
  public static final String SPANS =
      "SELECT start_idx, end_idx, status FROM asset_partition_ranges"
          + " WHERE namespace = ? AND asset_key = ?"
          + " AND start_idx >= COALESCE("
          + FLOOR_START
          + ", 0) AND start_idx < ? AND end_idx > ? ORDER BY start_idx";

  /** The size of a range clipped to {@code [lo, hi)}. Parameters: hi, hi, lo, lo. */
  private static final String CLIPPED_SIZE =
      "(CASE WHEN end_idx > ? THEN ? ELSE end_idx END)"
          + " - (CASE WHEN start_idx < ? THEN ? ELSE start_idx END)";

  /**
   * The partitions materialized, stale, failed and in progress of an asset within {@code [lo, hi)},
   * summed by the database in one row (no grouping, no sort). Parameters: four times (hi, hi, lo,
   * lo), then namespace, asset key, namespace, asset key, lo, hi, lo.
   */
  public static final String COUNTS_IN_WINDOW =
      "SELECT SUM(CASE WHEN status = 'MATERIALIZED' THEN "
          + CLIPPED_SIZE
          + " ELSE 0 END), SUM(CASE WHEN status = 'STALE' THEN "
          + CLIPPED_SIZE
          + " ELSE 0 END), SUM(CASE WHEN status = 'FAILED' THEN "
          + CLIPPED_SIZE
          + " ELSE 0 END), SUM(CASE WHEN status = 'IN_PROGRESS' THEN "
          + CLIPPED_SIZE
          + " ELSE 0 END)"
          + " FROM asset_partition_ranges WHERE namespace = ? AND asset_key = ?"
          + " AND start_idx >= COALESCE("
          + FLOOR_START
          + ", 0) AND start_idx < ? AND end_idx > ?";

  /**
   * A page of the ranges in one status overlapping {@code [lo, hi)} after a start index.
   * Parameters: namespace, asset key, status, namespace, asset key, lo, after, hi, lo, limit.
   */
  public static final String IN_STATUS =
      "SELECT "
          + COLUMNS
          + " FROM asset_partition_ranges WHERE namespace = ? AND asset_key = ? AND status = ?"
          + " AND start_idx >= COALESCE("
          + FLOOR_START
          + ", 0) AND start_idx > ? AND start_idx < ? AND end_idx > ? ORDER BY start_idx LIMIT ?";

  /** The range starting at or before an index. Parameters: namespace, asset key, index. */
  public static final String AT =
      "SELECT "
          + COLUMNS
          + " FROM asset_partition_ranges WHERE namespace = ? AND asset_key = ? AND start_idx <= ?"
          + " ORDER BY start_idx DESC LIMIT 1";

  /** The whole-asset counts per status. Parameters: namespace, asset key. */
  public static final String COUNTS =
      "SELECT status, partitions FROM asset_partition_counts WHERE namespace = ? AND asset_key = ?";

  /**
   * A page of a dynamic definition's keys by index. Parameters: namespace, definition, after index,
   * limit.
   */
  public static final String DYNAMIC_PAGE =
      "SELECT partition_key, idx FROM asset_dynamic_partitions"
          + " WHERE namespace = ? AND definition_name = ? AND idx > ? ORDER BY idx LIMIT ?";

  /** A dynamic key's index. Parameters: namespace, definition, key. */
  static final String DYNAMIC_INDEX =
      "SELECT idx FROM asset_dynamic_partitions"
          + " WHERE namespace = ? AND definition_name = ? AND partition_key = ?";

  /** What an invalidation did, by target. Parameters: namespace, invalidation ID. */
  static final String INVALIDATION =
      "SELECT asset_key, partitions_made_stale FROM asset_invalidations"
          + " WHERE namespace = ? AND invalidation_id = ? ORDER BY position";

  private static final String DELETE =
      "DELETE FROM asset_partition_ranges WHERE namespace = ? AND asset_key = ? AND start_idx = ?";

  private static final String INSERT =
      "INSERT INTO asset_partition_ranges (namespace, asset_key, "
          + COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static final String ADD_COUNT =
      "INSERT INTO asset_partition_counts (namespace, asset_key, status, partitions)"
          + " VALUES (?, ?, ?, ?) ON CONFLICT (namespace, asset_key, status)"
          + " DO UPDATE SET partitions = asset_partition_counts.partitions + excluded.partitions";

  /** The ranges of an asset overlapping {@code [lo, hi)}, in index order. */
  static List<StoredRange> overlapping(
      SqlSession session, String namespace, String asset, long lo, long hi) throws SQLException {
    PreparedStatement ps = session.prepare(OVERLAPPING);
    ps.setString(1, namespace);
    ps.setString(2, asset);
    ps.setString(3, namespace);
    ps.setString(4, asset);
    ps.setLong(5, lo);
    ps.setLong(6, hi);
    ps.setLong(7, lo);
    return read(ps);
  }

  /** The range holding {@code index}, or null. */
  static StoredRange at(SqlSession session, String namespace, String asset, long index)
      throws SQLException {
    PreparedStatement ps = session.prepare(AT);
    ps.setString(1, namespace);
    ps.setString(2, asset);
    ps.setLong(3, index);
    List<StoredRange> found = read(ps);
    return found.isEmpty() || found.get(0).end() <= index ? null : found.get(0);
  }

  static List<StoredRange> read(PreparedStatement ps) throws SQLException {
    List<StoredRange> ranges = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ranges.add(row(rs));
      }
    }
    return ranges;
  }

  private static StoredRange row(ResultSet rs) throws SQLException {
    String previous = rs.getString(4);
    long materialization = rs.getLong(6);
    Long materializationId = rs.wasNull() ? null : materialization;
    RangeContent content =
        new RangeContent(
            PartitionStatus.valueOf(rs.getString(3)),
            previous == null ? null : PartitionStatus.valueOf(previous),
            rs.getString(5),
            materializationId,
            rs.getString(7),
            rs.getString(8),
            rs.getString(9),
            rs.getString(10));
    return new StoredRange(rs.getLong(1), rs.getLong(2), content, rs.getLong(11));
  }

  /**
   * Replaces {@code before} (rows as loaded) with {@code after} (what {@link RangePainter} made of
   * them): deletes the rows that changed, inserts the new ones, and moves the per-status counts by
   * the difference. Rows in both are left alone.
   */
  static void replace(
      SqlSession tx,
      String namespace,
      String asset,
      List<StoredRange> before,
      List<StoredRange> after)
      throws SQLException {
    java.util.Set<StoredRange> kept = new java.util.HashSet<>(before);
    kept.retainAll(after);
    long[] delta = new long[PartitionStatus.values().length];
    PreparedStatement delete = tx.prepare(DELETE);
    for (StoredRange old : before) {
      if (!kept.contains(old)) {
        delta[old.content().status().ordinal()] -= old.size();
        delete.setString(1, namespace);
        delete.setString(2, asset);
        delete.setLong(3, old.start());
        delete.executeUpdate();
      }
    }
    PreparedStatement insert = tx.prepare(INSERT);
    for (StoredRange now : after) {
      if (!kept.contains(now)) {
        delta[now.content().status().ordinal()] += now.size();
        insert(insert, namespace, asset, now);
        insert.executeUpdate();
      }
    }
    PreparedStatement count = tx.prepare(ADD_COUNT);
    for (PartitionStatus status : PartitionStatus.values()) {
      if (delta[status.ordinal()] != 0) {
        count.setString(1, namespace);
        count.setString(2, asset);
        count.setString(3, status.name());
        count.setLong(4, delta[status.ordinal()]);
        count.executeUpdate();
      }
    }
  }

  private static void insert(PreparedStatement ps, String namespace, String asset, StoredRange r)
      throws SQLException {
    RangeContent c = r.content();
    ps.setString(1, namespace);
    ps.setString(2, asset);
    ps.setLong(3, r.start());
    ps.setLong(4, r.end());
    ps.setString(5, c.status().name());
    ps.setString(6, c.previousStatus() == null ? null : c.previousStatus().name());
    ps.setString(7, c.dataVersion());
    if (c.materializationId() == null) {
      ps.setNull(8, Types.BIGINT);
    } else {
      ps.setLong(8, c.materializationId());
    }
    ps.setString(9, c.reasons());
    ps.setString(10, c.failure());
    ps.setString(11, c.runId());
    ps.setString(12, c.claimRunId());
    ps.setLong(13, r.updatedAt());
  }
}
