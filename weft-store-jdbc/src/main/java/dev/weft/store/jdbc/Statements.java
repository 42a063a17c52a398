package dev.weft.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prepared statements of one connection, cached by SQL text. Owned by whoever owns the connection
 * (the writer thread, or a read while it holds the connection); not thread-safe.
 *
 * <p>The cache keeps the {@value #MAX_CACHED} most recently used statements and closes the others:
 * listings with filters make SQL text from what users ask, so the number of distinct statements has
 * no bound. A statement is only evicted after that many others were prepared, never while its
 * caller still uses it.
 *
 * <p>While {@link #deferring} is on, {@link #update(String, String, int, Binder, String...)} does
 * not run an update at once: it queues it with the others of the same SQL, and they all run as one
 * JDBC batch (one round trip where the driver pipelines batches) at the next {@link #flush()},
 * which runs before any other statement and before the commit. A deferred update is one whose only
 * result is its row count, known in advance; a count that differs fails the flush with {@link
 * DeferredUpdateMismatch}, and the caller rolls the transaction back and runs it again without
 * deferring, where the mismatch surfaces as the usual conflict of the right unit of work. Deferred
 * updates whose footprints overlap (the run's rows they read or write, as the caller names them)
 * are never reordered: a second one whose batch would run before the first's flushes the first. A
 * statement that must run at once ({@link #prepare(String, String, String...)}) flushes only the
 * deferred updates its own footprint overlaps, so the reads of one unit of work do not cost the
 * group its batching.
 */
final class Statements implements SqlSession, AutoCloseable {
  static final int MAX_CACHED = 256;

  /** The expected row count of an update whose count does not matter. */
  static final int ANY_COUNT = -1;

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

  /** The deferred updates by SQL text, in the order their batches run. */
  private final Map<String, Deferred> deferred = new LinkedHashMap<>();

  /**
   * For each "run table" of a deferred update's footprint: the position of the last batch (in
   * {@link #deferred}'s order) holding an update that touches it.
   */
  private final Map<String, Integer> deferredTables = new HashMap<>();

  /** The same for the footprints that are all of a run's rows in a table ("run table"). */
  private final Map<String, Integer> wholeTables = new HashMap<>();

  /** The same for the footprints that are one row ("run table key"). */
  private final Map<String, Integer> deferredRows = new HashMap<>();

  /**
   * The deferred updates of one SQL text: its batch's position, and their expected counts; for a
   * {@link BulkUpdate}, its rows too (they run as one statement, not as a JDBC batch).
   */
  private record Deferred(
      int position, List<Integer> expected, BulkUpdate bulk, List<Object[]> rows) {}

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

  /** Whether updates are being deferred. */
  boolean deferring() {
    return deferring;
  }

  /** Switches deferring updates on or off; off flushes nothing (call {@link #flush()} first). */
  void deferring(boolean on) {
    this.deferring = on;
  }

  /**
   * Runs an update whose row count the caller checks against {@code expectedRows}: now, returning
   * its row count, or (while deferring) at the next flush, returning {@code expectedRows}.
   *
   * @param runId the run whose rows the update reads and writes
   * @param expectedRows the row count the caller wants, or {@link #ANY_COUNT} if any will do
   * @param footprint what of the run the update reads or writes: a table name for all of the run's
   *     rows in it ({@code "history"}), or a table name and a key for one row ({@code
   *     "activity_tasks 7"}). A deferred update runs after every deferred update whose footprint
   *     overlaps its own (same run and table, and the same key or no key on either side); others
   *     may run before it.
   */
  int update(String sql, String runId, int expectedRows, Binder binder, String... footprint)
      throws SQLException {
    if (!deferring) {
      PreparedStatement ps = prepare(sql);
      binder.bind(ps);
      return ps.executeUpdate();
    }
    Deferred batch = deferred.get(sql);
    int position = batch != null ? batch.position() : deferred.size();
    // an overlapping update in a batch that runs later would run after this one: flush it first
    if (lastOverlapping(runId, footprint) > position) {
      flush();
      batch = null;
      position = 0;
    }
    remember(runId, position, footprint);
    if (batch == null) {
      batch = new Deferred(position, new ArrayList<>(), null, null);
      deferred.put(sql, batch);
    }
    PreparedStatement ps = cached(sql);
    binder.bind(ps);
    ps.addBatch();
    batch.expected().add(expectedRows);
    return expectedRows;
  }

  /**
   * Defers the rows of a bulk update (only while {@link #deferring}): at the next flush, all the
   * rows deferred for {@code update} run as one statement, its parameters one array per column, and
   * its row count must be the sum of the {@code expectedRows} given. One statement for a whole
   * group rather than one per row: no per-statement work in the database (executor start, locks,
   * protocol messages) for each step. Rows of one statement do not see each other, so a row whose
   * footprint overlaps one already deferred for the same update flushes that one first (else the
   * statement would fail, a history row for instance not finding the event before it, and the group
   * would apply on its slower path).
   *
   * @param rows the rows, each its column values in the order of {@link BulkUpdate#types()}
   * @param footprint as for {@link #update(String, String, int, Binder, String...)}
   */
  void bulk(
      BulkUpdate update, String runId, int expectedRows, List<Object[]> rows, String... footprint)
      throws SQLException {
    if (!deferring) {
      throw new IllegalStateException("bulk updates are deferred updates");
    }
    Deferred batch = deferred.get(update.sql());
    int position = batch != null ? batch.position() : deferred.size();
    if (lastOverlapping(runId, footprint) >= (batch != null ? position : position + 1)) {
      flush();
      batch = null;
      position = 0;
    }
    remember(runId, position, footprint);
    if (batch == null) {
      batch = new Deferred(position, new ArrayList<>(), update, new ArrayList<>());
      deferred.put(update.sql(), batch);
    }
    batch.rows().addAll(rows);
    batch.expected().add(expectedRows);
  }

  /** Records that the batch at {@code position} touches {@code footprint} of run {@code runId}. */
  private void remember(String runId, int position, String[] footprint) {
    for (String part : footprint) {
      int space = part.indexOf(' ');
      String table = runId + ' ' + (space < 0 ? part : part.substring(0, space));
      deferredTables.merge(table, position, Math::max);
      (space < 0 ? wholeTables : deferredRows)
          .merge(space < 0 ? table : runId + ' ' + part, position, Math::max);
    }
  }

  /**
   * The position of the last batch holding a deferred update whose footprint overlaps {@code
   * footprint} (same run and table, and the same key or no key on either side), or -1.
   */
  private int lastOverlapping(String runId, String[] footprint) {
    int last = -1;
    for (String part : footprint) {
      int space = part.indexOf(' ');
      String table = runId + ' ' + (space < 0 ? part : part.substring(0, space));
      last = Math.max(last, wholeTables.getOrDefault(table, -1));
      last =
          Math.max(
              last,
              space < 0
                  ? deferredTables.getOrDefault(table, -1)
                  : deferredRows.getOrDefault(runId + ' ' + part, -1));
    }
    return last;
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
      for (Map.Entry<String, Deferred> batch : deferred.entrySet()) {
        if (batch.getValue().bulk() != null) {
          runBulk(batch.getValue());
          continue;
        }
        int[] counts = cache.get(batch.getKey()).executeBatch();
        List<Integer> expected = batch.getValue().expected();
        for (int i = 0; i < counts.length; i++) {
          if (expected.get(i) != ANY_COUNT
              && counts[i] != expected.get(i)
              && counts[i] != PreparedStatement.SUCCESS_NO_INFO) {
            throw new DeferredUpdateMismatch(batch.getKey(), expected.get(i), counts[i]);
          }
        }
      }
    } finally {
      discardDeferred();
    }
  }

  private void runBulk(Deferred batch) throws SQLException {
    BulkUpdate update = batch.bulk();
    List<Object[]> rows = batch.rows();
    PreparedStatement ps = cached(update.sql());
    for (int c = 0; c < update.types().size(); c++) {
      BulkUpdate.Type type = update.types().get(c);
      Object[] column = type.newArray(rows.size());
      for (int r = 0; r < rows.size(); r++) {
        column[r] = rows.get(r)[c];
      }
      ps.setArray(c + 1, connection.createArrayOf(type.sqlName(), column));
    }
    int expected = 0;
    for (int e : batch.expected()) {
      expected += e;
    }
    int count = ps.executeUpdate();
    if (count != expected) {
      throw new DeferredUpdateMismatch(update.sql(), expected, count);
    }
  }

  /** Drops the deferred updates (the transaction is rolled back). */
  void discardDeferred() {
    for (Map.Entry<String, Deferred> batch : deferred.entrySet()) {
      PreparedStatement ps = batch.getValue().bulk() == null ? cache.get(batch.getKey()) : null;
      if (ps != null) {
        try {
          ps.clearBatch();
        } catch (SQLException ignored) {
          // the statement is dropped with its connection, if it is broken
        }
      }
    }
    deferred.clear();
    deferredTables.clear();
    wholeTables.clear();
    deferredRows.clear();
  }

  Connection connection() {
    return connection;
  }

  /** Returns the connection's statement for {@code sql}, after running any deferred updates. */
  @Override
  public PreparedStatement prepare(String sql) throws SQLException {
    flush();
    return cached(sql);
  }

  /**
   * Returns the connection's statement for {@code sql}, a statement the caller runs at once and
   * that reads or writes only what {@code footprint} names of run {@code runId} (as for {@link
   * #update}): the deferred updates run first only if one of them overlaps it.
   */
  PreparedStatement prepare(String sql, String runId, String... footprint) throws SQLException {
    if (lastOverlapping(runId, footprint) >= 0) {
      flush();
    }
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
