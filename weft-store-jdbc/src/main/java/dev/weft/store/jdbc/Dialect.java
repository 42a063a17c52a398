package dev.weft.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What differs between the SQL databases Weft stores to. Everything else is shared SQL in {@link
 * JdbcStore}.
 */
public interface Dialect {

  /** A short name: the migrations folder and the store's name in logs ({@code sqlite}). */
  String name();

  /**
   * The clause appended to the SELECT of a claim so that concurrent claimers skip each other's rows
   * ({@code FOR UPDATE SKIP LOCKED}), or an empty string when writes are serialized anyway.
   */
  String claimLockClause();

  /**
   * The clause appended to a SELECT that reads rows the transaction will update from what it read
   * (a rate limit's tokens), so that a concurrent transaction waits for this one ({@code FOR
   * UPDATE}), or an empty string when writes are serialized anyway.
   */
  default String rowLockClause() {
    return "";
  }

  /**
   * Serializes starts of the same workflow ID inside the current transaction, so that the reuse
   * policy check and the insert are atomic. A no-op where one writer serializes everything.
   */
  void lockWorkflowId(Connection connection, String namespace, String workflowId)
      throws SQLException;

  /**
   * The operator that matches a {@code LIKE} pattern ignoring case, at least for ASCII letters
   * ({@code LIKE} in SQLite, {@code ILIKE} in PostgreSQL): how TEXT search attributes are searched.
   * Everything else about strings compares in binary (code point) order, so a database whose
   * default collation is a locale's must declare the text columns of runs and search attributes
   * with a binary one (PostgreSQL: {@code COLLATE "C"}).
   */
  String caseInsensitiveLike();

  /**
   * Returns whether an exception means the connection is gone (the server restarted, the network
   * dropped it), so the store should reconnect, rather than a failed statement.
   */
  default boolean isConnectionLost(SQLException e) {
    String state = e.getSQLState();
    return state != null && state.startsWith("08");
  }

  /**
   * Returns whether a statement failed only because of concurrent transactions (a deadlock, a
   * serialization failure, a lock wait that timed out): the work can run again as it is.
   */
  default boolean isTransient(SQLException e) {
    return false;
  }

  /**
   * A statement, with the run ID as its only parameter, that locks a run's row until the end of the
   * transaction, or null where one writer serializes everything. Writes that must see every inbox
   * event of a run (completing its workflow task, closing it) and writes that add to the inbox take
   * this lock first, so that an event committed by another process concurrently is either seen or
   * finds the task still to come; and inbox IDs of a run are assigned in commit order.
   */
  default String lockRunStatement() {
    return null;
  }

  /**
   * The name of a function of the run ID and an inbox ID that takes the run's lock ({@link
   * #lockRunStatement()}), then tells whether the run's inbox holds an event after that ID, reading
   * it as a new statement would after the lock; or null where there is none. With it, a write that
   * must lock the run and check its inbox is one statement whose only result is its row count, so
   * the writer can defer it ({@link #pipelinesBatches()}).
   */
  default String lockRunInboxAfterFunction() {
    return null;
  }

  /**
   * Returns whether a statement's WITH clause may hold DELETEs ({@code WITH a AS (DELETE ...)
   * DELETE ...}, PostgreSQL), so deletes of several tables are one statement.
   */
  default boolean deletesInWith() {
    return false;
  }

  /**
   * Returns whether one prepared statement may hold several queries ({@code SELECT ...; SELECT
   * ...}) that the driver sends in one round trip, their results read in turn.
   */
  default boolean severalStatementsPerCall() {
    return false;
  }

  /**
   * Returns whether the driver sends a JDBC batch in one round trip to a server (PostgreSQL's), so
   * the writer gathers a group's updates into batches; false for an embedded database, where a
   * statement costs no round trip.
   */
  default boolean pipelinesBatches() {
    return false;
  }

  /**
   * Returns whether a statement may take arrays as parameters and read them as rows ({@code
   * unnest(?::text[], ...)}, PostgreSQL), so the writer runs the many rows of a group's hot updates
   * as one statement each ({@link BulkUpdate}). Only where {@link #pipelinesBatches()}: a bulk
   * update is a deferred one.
   */
  default boolean bulkUpdates() {
    return false;
  }

  /**
   * Prepares the writer's connection (at start and after a reconnect); by default nothing.
   *
   * @throws SQLException if the connection is not usable
   */
  default void prepareWriterSession(Connection connection) throws SQLException {}
}
