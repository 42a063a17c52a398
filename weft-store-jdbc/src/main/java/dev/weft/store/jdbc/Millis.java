package dev.weft.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;

/** Times and durations are stored as epoch milliseconds; these convert, nulls included. */
final class Millis {
  private Millis() {}

  static void set(PreparedStatement ps, int index, Instant time) throws SQLException {
    if (time == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, time.toEpochMilli());
    }
  }

  static void set(PreparedStatement ps, int index, Duration duration) throws SQLException {
    if (duration == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, duration.toMillis());
    }
  }

  /** The time in epoch milliseconds, or null. */
  static Long of(Instant time) {
    return time == null ? null : time.toEpochMilli();
  }

  /** The duration in milliseconds, or null. */
  static Long of(Duration duration) {
    return duration == null ? null : duration.toMillis();
  }

  static Instant instant(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(value);
  }

  static Duration duration(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : Duration.ofMillis(value);
  }
}
