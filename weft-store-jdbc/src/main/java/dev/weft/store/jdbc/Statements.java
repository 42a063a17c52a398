package dev.weft.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prepared statements of one connection, cached by SQL text. Owned by whoever owns the connection
 * (the writer thread, or a read while it holds the connection); not thread-safe.
 *
 * <p>The cache keeps the {@value #MAX_CACHED} most recently used statements and closes the others:
 * listings with filters make SQL text from what users ask, so the number of distinct statements has
 * no bound. A statement is only evicted after that many others were prepared, never while its
 * caller still uses it.
 *
 * <p>While {@link #deferring} is on, {@link #update(String, String, int, Binder)} does not run an
 * update at once: it queues it with the others of the same SQL, and they all run as one JDBC batch
 * (one round trip where the driver pipelines batches) at the next {@link #flush()}, which runs
 * before any other statement and before the commit. A deferred update is one whose only result is
 * its row count, known in advance; a count that differs fails the flush with {@link
 * DeferredUpdateMismatch}, and the caller rolls the transaction back and runs it again without
 * deferring, where the mismatch surfaces as the usual conflict of the right unit of work. Updates
 * of the same row (by a key the caller names) are never reordered: a second one flushes the first.
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

  private final Map<String, List<Integer>> deferred = new LinkedHashMap<>();
  private final Set<String> deferredKeys = new HashSet<>();
  private boolean deferring;

  /** Binds an update's parameters. */
  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  /**
   * A deferred update's row count was not the one expected: the transaction holds writes its caller
   * would have refused, and must be rolled back.
   */
  static final class DeferredUpdateMismatch extends SQLException {
    DeferredUpdateMismatch(String sql, int expected, int actual) {
      super(
          "a deferred update affected "
              + actual
              + " rows, expected "
              + expected
              + ": "
              + (sql.length() > 80 ? sql.substring(0, 80) + "..." : sql));
    }
  }

  Statements(Connection connection) {
    this.connection = connection;
  }

  /** Switches deferring updates on or off; off flushes nothing (call {@link #flush()} first). */
  void deferring(boolean on) {
    this.deferring = on;
  }

  /**
   * Runs an update whose row count the caller checks against {@code expectedRows}: now, returning
   * its row count, or (while deferring) at the next flush, returning {@code expectedRows}.
   *
   * @param rowKey names the row the update writes: a deferred update of a row another deferred
   *     update writes runs after it
   */
  int update(String sql, String rowKey, int expectedRows, Binder binder) throws SQLException {
    if (!deferring) {
      PreparedStatement ps = prepare(sql);
      binder.bind(ps);
      return ps.executeUpdate();
    }
    if (!deferredKeys.add(rowKey)) {
      flush();
      deferredKeys.add(rowKey);
    }
    PreparedStatement ps = cached(sql);
    binder.bind(ps);
    ps.addBatch();
    deferred.computeIfAbsent(sql, k -> new ArrayList<>()).add(expectedRows);
    return expectedRows;
  }

  /**
   * Runs the deferred updates, one batch per SQL text in the order each was first deferred.
   *
   * @throws DeferredUpdateMismatch if one affected another number of rows than expected
   */
  void flush() throws SQLException {
    if (deferred.isEmpty()) {
      return;
    }
    try {
      for (Map.Entry<String, List<Integer>> batch : deferred.entrySet()) {
        int[] counts = cache.get(batch.getKey()).executeBatch();
        List<Integer> expected = batch.getValue();
        for (int i = 0; i < counts.length; i++) {
          if (counts[i] != expected.get(i) && counts[i] != PreparedStatement.SUCCESS_NO_INFO) {
            throw new DeferredUpdateMismatch(batch.getKey(), expected.get(i), counts[i]);
          }
        }
      }
    } finally {
      discardDeferred();
    }
  }

  /** Drops the deferred updates (the transaction is rolled back). */
  void discardDeferred() {
    for (String sql : deferred.keySet()) {
      PreparedStatement ps = cache.get(sql);
      if (ps != null) {
        try {
          ps.clearBatch();
        } catch (SQLException ignored) {
          // the statement is dropped with its connection, if it is broken
        }
      }
    }
    deferred.clear();
    deferredKeys.clear();
  }

  Connection connection() {
    return connection;
  }

  /** Returns the connection's statement for {@code sql}, after running any deferred updates. */
  PreparedStatement prepare(String sql) throws SQLException {
    flush();
    return cached(sql);
  }

  private PreparedStatement cached(String sql) throws SQLException {
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
