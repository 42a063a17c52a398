package dev.weft.store.jdbc;

import dev.weft.common.WorkflowStatus;
import dev.weft.store.TaskKind;
import dev.weft.store.TaskScheduling;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Statements several kinds of write share: a run's lock, its status, its inbox, a task's pass. */
final class WriteSql {
  private WriteSql() {}

  /** Runs an update now (after any deferred ones) and returns its row count. */
  static int update(Statements st, String sql, Object... params) throws SQLException {
    PreparedStatement ps = st.prepare(sql);
    for (int i = 0; i < params.length; i++) {
      ps.setObject(i + 1, params[i]);
    }
    return ps.executeUpdate();
  }

  /** Locks the run's row till the end of the transaction, where the dialect needs it. */
  static void lockRun(Dialect dialect, String runId, Statements st) throws SQLException {
    String sql = dialect.lockRunStatement();
    if (sql != null) {
      PreparedStatement ps = st.prepare(sql, runId, "runs");
      ps.setString(1, runId);
      ps.executeQuery().close();
    }
  }

  /** Whether the run's inbox holds an event after {@code inboxId}. */
  static boolean hasInboxAfter(String runId, long inboxId, Statements st) throws SQLException {
    PreparedStatement newer =
        st.prepare("SELECT 1 FROM inbox WHERE run_id = ? AND inbox_id > ? LIMIT 1", runId, "inbox");
    newer.setString(1, runId);
    newer.setLong(2, inboxId);
    try (ResultSet rs = newer.executeQuery()) {
      return rs.next();
    }
  }

  /** Whether the run exists and is running. */
  static boolean isRunning(String runId, Statements st) throws SQLException {
    PreparedStatement ps = st.prepare("SELECT status FROM runs WHERE run_id = ?");
    ps.setString(1, runId);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() && WorkflowStatus.RUNNING.name().equals(rs.getString(1));
    }
  }

  /**
   * Gives a task that goes back into its queue a new pass (the back of its key's line); 0 if the
   * task is not there (its write then conflicts).
   */
  static double requeuePass(
      TaskKind kind,
      String taskQueue,
      String table,
      String where,
      BatchContext batch,
      Object... args)
      throws SQLException {
    Statements st = batch.statements();
    PreparedStatement ps =
        st.prepare(
            "SELECT priority, fairness_key, fairness_weight FROM " + table + " WHERE " + where);
    for (int i = 0; i < args.length; i++) {
      ps.setObject(i + 1, args[i]);
    }
    TaskScheduling scheduling;
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return 0;
      }
      scheduling = new TaskScheduling(rs.getInt(1), rs.getString(2), rs.getDouble(3));
    }
    return batch.passes().next(kind, taskQueue, scheduling, st);
  }
}
