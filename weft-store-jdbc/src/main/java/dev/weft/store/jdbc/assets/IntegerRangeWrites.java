package dev.weft.store.jdbc.assets;

import dev.weft.store.assets.partitions.AdvanceIntegerPartitionEnd;
import dev.weft.store.jdbc.ConflictException;
import dev.weft.store.jdbc.WriteContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Applies {@link AdvanceIntegerPartitionEnd} to {@code asset_integer_ranges} (V010). One upsert
 * whose update only moves forward, so two nodes advancing the same range at once never move it
 * back; when it changed no row, the stored end is ahead and the write is refused.
 */
final class IntegerRangeWrites {
  private static final String ADVANCE =
      "INSERT INTO asset_integer_ranges (namespace, range_name, end_exclusive, updated_at)"
          + " VALUES (?, ?, ?, ?) ON CONFLICT (namespace, range_name) DO UPDATE"
          + " SET end_exclusive = excluded.end_exclusive, updated_at = excluded.updated_at"
          + " WHERE asset_integer_ranges.end_exclusive < excluded.end_exclusive";

  private static final String CURRENT =
      "SELECT end_exclusive FROM asset_integer_ranges WHERE namespace = ? AND range_name = ?";

  void advance(AdvanceIntegerPartitionEnd w, WriteContext tx)
      throws SQLException, ConflictException {
    PreparedStatement advance = tx.prepare(ADVANCE);
    advance.setString(1, w.namespace());
    advance.setString(2, w.rangeName());
    advance.setLong(3, w.endExclusive());
    advance.setLong(4, w.at().toEpochMilli());
    if (advance.executeUpdate() == 1) {
      return;
    }
    PreparedStatement current = tx.prepare(CURRENT);
    current.setString(1, w.namespace());
    current.setString(2, w.rangeName());
    try (ResultSet rs = current.executeQuery()) {
      long end = rs.next() ? rs.getLong(1) : -1;
      if (end > w.endExclusive()) {
        throw new ConflictException(
            w,
            "integer range "
                + w.rangeName()
                + " in namespace "
                + w.namespace()
                + " ends at "
                + end
                + " (exclusive): "
                + w.endExclusive()
                + " would move it backwards; expected an end >= "
                + end);
      }
    }
  }
}
