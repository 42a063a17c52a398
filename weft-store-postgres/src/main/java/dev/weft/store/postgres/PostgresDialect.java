package dev.weft.store.postgres;

import dev.weft.store.jdbc.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * PostgreSQL's differences: many processes write at once, so claims skip rows another transaction
 * locked, starts of one workflow ID take an advisory lock, and a run's row is locked by the writes
 * that must not interleave with a concurrent inbox event.
 */
final class PostgresDialect implements Dialect {
  /** admin_shutdown, crash_shutdown, cannot_connect_now: the server is going away or not back. */
  private static final Set<String> SERVER_GONE = Set.of("57P01", "57P02", "57P03");

  /** deadlock_detected, serialization_failure, lock_not_available (lock_timeout). */
  private static final Set<String> TRANSIENT = Set.of("40P01", "40001", "55P03");

  @Override
  public String rowLockClause() {
    return " FOR UPDATE";
  }

  @Override
  public String name() {
    return "postgres";
  }

  @Override
  public String claimLockClause() {
    return " FOR UPDATE SKIP LOCKED";
  }

  @Override
  public void lockWorkflowId(Connection connection, String namespace, String workflowId)
      throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
      ps.setString(1, namespace + "/" + workflowId);
      ps.executeQuery().close();
    }
  }

  @Override
  public String caseInsensitiveLike() {
    return "ILIKE";
  }

  @Override
  public boolean isConnectionLost(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.startsWith("08") || SERVER_GONE.contains(state));
  }

  @Override
  public boolean isTransient(SQLException e) {
    return e.getSQLState() != null && TRANSIENT.contains(e.getSQLState());
  }

  @Override
  public String lockRunStatement() {
    return "SELECT 1 FROM runs WHERE run_id = ? FOR UPDATE";
  }

  /** Created by migration V004. */
  @Override
  public String lockRunInboxAfterFunction() {
    return "weft_lock_run_inbox_after";
  }

  @Override
  public boolean deletesInWith() {
    return true;
  }

  @Override
  public boolean severalStatementsPerCall() {
    return true;
  }

  @Override
  public boolean pipelinesBatches() {
    return true;
  }

  @Override
  public boolean bulkUpdates() {
    return true;
  }

  /**
   * Plans the writer's statements once, for any parameters ({@code plan_cache_mode =
   * force_generic_plan}). Its statements are lookups by key, and a plan made for one set of
   * parameters can be much worse: a bulk update's custom plan knows how many rows its arrays hold
   * and joins them by scanning the whole task table, which between two autovacuum runs holds
   * hundreds of thousands of dead rows under load, while the generic plan probes the primary key.
   */
  @Override
  public void prepareWriterSession(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("SET plan_cache_mode = force_generic_plan");
    }
  }
}
