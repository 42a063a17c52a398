package dev.weft.store.jdbc.assets;

import dev.weft.store.assets.partitions.PartitionStatus;
import dev.weft.store.jdbc.SqlSession;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The ranges of an asset overlapping a window with their status only, in index order, clipped to
 * the window and kept in flat arrays: what counts and status bars need from 10,000 ranges without a
 * record per row.
 */
final class StatusSpans {
  private static final PartitionStatus[] STATUSES = PartitionStatus.values();

  private long[] starts = new long[16];
  private long[] ends = new long[16];
  private byte[] statuses = new byte[16];
  private int size;

  /** Reads the spans of {@code [lo, hi)} of an asset. */
  static StatusSpans read(SqlSession session, String namespace, String asset, long lo, long hi)
      throws SQLException {
    PreparedStatement ps = session.prepare(PartitionRangeSql.SPANS);
    ps.setString(1, namespace);
    ps.setString(2, asset);
    ps.setString(3, namespace);
    ps.setString(4, asset);
    ps.setLong(5, lo);
    ps.setLong(6, hi);
    ps.setLong(7, lo);
    StatusSpans spans = new StatusSpans();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        spans.add(
            Math.max(lo, rs.getLong(1)), Math.min(hi, rs.getLong(2)), status(rs.getString(3)));
      }
    }
    return spans;
  }

  private static PartitionStatus status(String name) {
    return switch (name) {
      case "MATERIALIZED" -> PartitionStatus.MATERIALIZED;
      case "STALE" -> PartitionStatus.STALE;
      case "FAILED" -> PartitionStatus.FAILED;
      case "IN_PROGRESS" -> PartitionStatus.IN_PROGRESS;
      default -> throw new IllegalStateException("unknown partition status " + name);
    };
  }

  private void add(long start, long end, PartitionStatus status) {
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, size * 2);
      ends = Arrays.copyOf(ends, size * 2);
      statuses = Arrays.copyOf(statuses, size * 2);
    }
    starts[size] = start;
    ends[size] = end;
    statuses[size] = (byte) status.ordinal();
    size++;
  }

  int size() {
    return size;
  }

  long start(int i) {
    return starts[i];
  }

  long end(int i) {
    return ends[i];
  }

  PartitionStatus status(int i) {
    return STATUSES[statuses[i]];
  }

  /** The ordinal of span {@code i}'s status. */
  int statusOrdinal(int i) {
    return statuses[i];
  }
}
