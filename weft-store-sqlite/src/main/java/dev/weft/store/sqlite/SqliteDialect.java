package dev.weft.store.sqlite;

import dev.weft.store.jdbc.Dialect;
import java.sql.Connection;

/** SQLite's differences: one writer serializes everything, so no claim locks are needed. */
final class SqliteDialect implements Dialect {

  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public String claimLockClause() {
    return "";
  }

  @Override
  public void lockWorkflowId(Connection connection, String namespace, String workflowId) {
    // the single writer already serializes every transaction
  }

  @Override
  public String caseInsensitiveLike() {
    // SQLite's LIKE ignores the case of ASCII letters (unless PRAGMA case_sensitive_like is set,
    // which the store never does)
    return "LIKE";
  }
}
