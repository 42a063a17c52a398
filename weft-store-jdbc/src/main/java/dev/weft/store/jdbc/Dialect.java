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
   * Serializes starts of the same workflow ID inside the current transaction, so that the reuse
   * policy check and the insert are atomic. A no-op where one writer serializes everything.
   */
  void lockWorkflowId(Connection connection, String namespace, String workflowId)
      throws SQLException;

  /** Returns whether an exception reports a violated primary key or unique constraint. */
  boolean isUniqueViolation(SQLException e);

  /**
   * The operator that matches a {@code LIKE} pattern ignoring case, at least for ASCII letters
   * ({@code LIKE} in SQLite, {@code ILIKE} in PostgreSQL): how TEXT search attributes are searched.
   * Everything else about strings compares in binary (code point) order, so a database whose
   * default collation is a locale's must declare the text columns of runs and search attributes
   * with a binary one (PostgreSQL: {@code COLLATE "C"}).
   */
  String caseInsensitiveLike();
}
