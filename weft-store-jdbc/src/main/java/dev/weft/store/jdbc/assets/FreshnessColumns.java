package dev.weft.store.jdbc.assets;

import dev.weft.store.assets.FreshnessPolicyKind;
import dev.weft.store.assets.FreshnessPolicyRecord;
import dev.weft.store.assets.FreshnessViolationRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;

/** Reads freshness rows into their records. */
final class FreshnessColumns {
  /** The columns of a violation, in the order {@link #violation} reads them. */
  static final String VIOLATION =
      "id, asset_key, partition_key, policy, deadline_ms, last_materialized_ms, recorded_at,"
          + " cleared_at, cleared_by_id, cleared_by_run, clear_reason";

  private FreshnessColumns() {}

  /** Reads kind, max_lag_ms, deadline_time, registered_at from column {@code first} on. */
  static FreshnessPolicyRecord policy(String assetKey, ResultSet rs, int first)
      throws SQLException {
    FreshnessPolicyKind kind = FreshnessPolicyKind.valueOf(rs.getString(first));
    Long lag = nullableLong(rs, first + 1);
    String deadline = rs.getString(first + 2);
    return new FreshnessPolicyRecord(
        assetKey,
        kind,
        lag == null ? null : Duration.ofMillis(lag),
        deadline == null ? null : LocalTime.parse(deadline),
        Instant.ofEpochMilli(rs.getLong(first + 3)));
  }

  /** Reads the {@link #VIOLATION} columns. */
  static FreshnessViolationRecord violation(ResultSet rs) throws SQLException {
    return new FreshnessViolationRecord(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        Instant.ofEpochMilli(rs.getLong(5)),
        instant(rs, 6),
        Instant.ofEpochMilli(rs.getLong(7)),
        instant(rs, 8),
        nullableLong(rs, 9),
        rs.getString(10),
        rs.getString(11));
  }

  static Long nullableLong(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Long ms = nullableLong(rs, column);
    return ms == null ? null : Instant.ofEpochMilli(ms);
  }
}
