package dev.weft.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prepared statements of one connection, cached by SQL text. Owned by whoever owns the connection
 * (the writer thread, or a read while it holds the connection); not thread-safe.
 *
 * <p>The cache keeps the {@value #MAX_CACHED} most recently used statements and closes the others:
 * listings with filters make SQL text from what users ask, so the number of distinct statements has
 * no bound. A statement is only evicted after that many others were prepared, never while its
 * caller still uses it.
 */
final class Statements implements AutoCloseable {
  static final int MAX_CACHED = 256;

  private final Connection connection;
  private final Map<String, PreparedStatement> cache =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
          if (size() <= MAX_CACHED) {
            return false;
          }
          closeQuietly(eldest.getValue());
          return true;
        }
      };

  Statements(Connection connection) {
    this.connection = connection;
  }

  Connection connection() {
    return connection;
  }

  PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement ps = cache.get(sql);
    if (ps == null) {
      ps = connection.prepareStatement(sql);
      cache.put(sql, ps);
    } else {
      ps.clearParameters();
    }
    return ps;
  }

  @Override
  public void close() {
    for (PreparedStatement ps : cache.values()) {
      closeQuietly(ps);
    }
    cache.clear();
    try {
      connection.close();
    } catch (SQLException ignored) {
      // closing anyway
    }
  }

  private static void closeQuietly(PreparedStatement ps) {
    try {
      ps.close();
    } catch (SQLException ignored) {
      // closing anyway
    }
  }
}
