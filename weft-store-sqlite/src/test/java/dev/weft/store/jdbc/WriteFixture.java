package dev.weft.store.jdbc;

import dev.weft.store.Batch;
import dev.weft.store.Write;
import dev.weft.store.sqlite.SqliteStore;
import dev.weft.store.sqlite.SqliteTestDialect;
import dev.weft.store.tck.RecordingListener;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A real SQLite file with the store's schema (its real migrations) and the writer's pieces around
 * one connection, for unit tests of the write appliers: each test opens a batch, applies writes
 * with the piece it tests, and reads the tables back with plain SQL.
 */
final class WriteFixture implements AutoCloseable {
  final Dialect dialect = SqliteTestDialect.create();
  final Connection connection;
  final Statements statements;
  final FairQueues fairQueues = new FairQueues(true);
  private Notifications notifications = new Notifications();

  private final Path file;
  private ReadPool readPool;

  private WriteFixture(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
    this.statements = new Statements(connection);
  }

  /** Opens a new store file in {@code dir} with the schema of the SQLite store. */
  static WriteFixture open(Path dir) throws SQLException {
    Path file = dir.resolve("weft.db");
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
    new SchemaMigrator("sqlite", SqliteStore.class.getClassLoader()).migrate(c);
    c.setAutoCommit(false);
    return new WriteFixture(file, c);
  }

  /** Starts a new batch (with new notifications), as the writer does for each batch. */
  BatchContext batch() {
    notifications = new Notifications();
    return new BatchContext(
        dialect,
        statements,
        notifications,
        fairQueues.allocation(),
        (writes, batch) -> {
          throw new UnsupportedOperationException("nested writes need a BatchApplier: " + writes);
        });
  }

  /** Applies a batch with the store's dispatcher, as the writer does. */
  void apply(BatchApplier applier, Write... writes) throws SQLException, ConflictException {
    notifications = new Notifications();
    applier.apply(Batch.of(writes), statements, notifications);
  }

  /** What the last batch's writes would tell the listeners once committed. */
  List<RecordingListener.Notification> notified() {
    RecordingListener listener = new RecordingListener();
    notifications.deliver(List.of(listener));
    return listener.received();
  }

  /** Runs the queued after-commit actions of the last batch, as the writer does after a commit. */
  void runAfterCommit() {
    notifications.runAfterCommit();
  }

  /**
   * A pool of one read connection to the same file, as a store has: it sees what was committed,
   * never the open transaction.
   */
  ReadPool readPool() throws SQLException {
    if (readPool == null) {
      readPool =
          new ReadPool(
              dialect,
              List.of(new Statements(DriverManager.getConnection("jdbc:sqlite:" + file))),
              null,
              new Outage("test"));
    }
    return readPool;
  }

  void commit() throws SQLException {
    statements.flush();
    connection.commit();
  }

  void rollback() throws SQLException {
    statements.discardDeferred();
    connection.rollback();
  }

  /** Inserts a run row directly, in status {@code status}, on queue {@code main}. */
  void run(String runId, String status) throws SQLException {
    execute(
        "INSERT INTO runs (run_id, namespace, workflow_id, workflow_type, task_queue, status,"
            + " start_time, close_time) VALUES (?, 'default', ?, 'Order', 'main', ?, 0, ?)",
        runId,
        "wf-" + runId,
        status,
        status.equals("RUNNING") ? null : 1L);
  }

  /** Runs a statement with parameters and returns its row count. */
  int execute(String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      bind(ps, params);
      return ps.executeUpdate();
    }
  }

  /** Returns the single number a query selects. */
  long number(String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new AssertionError("no row: " + sql);
        }
        return rs.getLong(1);
      }
    }
  }

  /** Returns the rows a query selects, each as its columns' values. */
  List<List<Object>> rows(String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        List<List<Object>> rows = new ArrayList<>();
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<Object> row = new ArrayList<>(columns);
          for (int c = 1; c <= columns; c++) {
            row.add(rs.getObject(c));
          }
          rows.add(row);
        }
        return rows;
      }
    }
  }

  /** A row as {@link #rows} returns it; nulls allowed. */
  static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  /** Counts a run's rows in a table. */
  long count(String table, String runId) throws SQLException {
    return number("SELECT COUNT(*) FROM " + table + " WHERE run_id = ?", runId);
  }

  private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      ps.setObject(i + 1, params[i]);
    }
  }

  @Override
  public void close() {
    if (readPool != null) {
      readPool.close();
    }
    statements.close();
  }
}
