package dev.weft.store.jdbc.assets;

import dev.weft.store.assets.AssetStateRecord;
import dev.weft.store.assets.AssetStatus;
import dev.weft.store.assets.MaterializationRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Reads a state from a row of {@link AssetCatalogSql#STATES}, {@link AssetCatalogSql#STALE} or
 * {@link AssetCatalogSql#STATE}: asset key, partition, the time a missing state shows, then {@link
 * AssetCatalogSql#STATE_COLUMNS}.
 */
final class StateColumns {
  private StateColumns() {}

  static AssetStateRecord read(ResultSet rs) throws SQLException {
    String key = rs.getString(1);
    String partition = rs.getString(2);
    String status = rs.getString(4);
    if (status == null) {
      return new AssetStateRecord(
          key,
          "",
          AssetStatus.MISSING,
          List.of(),
          null,
          null,
          null,
          null,
          Instant.ofEpochMilli(rs.getLong(3)));
    }
    return new AssetStateRecord(
        key,
        partition,
        AssetStatus.valueOf(status),
        CatalogColumns.reasons(rs.getString(5)),
        current(rs, key, partition),
        rs.getString(6),
        instant(rs, 7),
        rs.getString(8),
        Instant.ofEpochMilli(rs.getLong(9)));
  }

  private static MaterializationRecord current(ResultSet rs, String key, String partition)
      throws SQLException {
    rs.getLong(10);
    if (rs.wasNull()) {
      return null;
    }
    return new MaterializationRecord(
        key,
        partition,
        rs.getString(11),
        rs.getString(12),
        rs.getString(13),
        CatalogColumns.inputs(rs.getString(14)),
        rs.getString(15),
        Instant.ofEpochMilli(rs.getLong(16)),
        Instant.ofEpochMilli(rs.getLong(17)));
  }

  static Instant instant(ResultSet rs, int column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }
}
