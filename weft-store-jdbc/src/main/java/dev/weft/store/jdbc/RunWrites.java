package dev.weft.store.jdbc;

import static dev.weft.store.jdbc.WriteSql.hasInboxAfter;
import static dev.weft.store.jdbc.WriteSql.update;

import dev.weft.common.WorkflowStatus;
import dev.weft.store.RunRecord;
import dev.weft.store.Write;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Applies the writes of a run's life: {@link Write.InsertRun}, {@link Write.CloseRun}, {@link
 * Write.DeleteRunTasks} and {@link Write.DeleteRun} (which calls each store extension's {@link
 * JdbcExtension#deleteRun}).
 */
final class RunWrites {
  /** The tables of a run's pending work, cleared when it closes. */
  private static final String[] RUN_TASK_TABLES = {
    "workflow_tasks", "activity_tasks", "timers", "inbox", "run_affinity"
  };

  private final Dialect dialect;
  private final boolean exclusive;
  private final PausedRuns pausedRuns;
  private final List<JdbcExtension> extensions;

  /**
   * @param extensions the store's extensions, whose rows of a deleted run go with it
   */
  RunWrites(
      Dialect dialect, boolean exclusive, PausedRuns pausedRuns, List<JdbcExtension> extensions) {
    this.dialect = dialect;
    this.exclusive = exclusive;
    this.pausedRuns = pausedRuns;
    this.extensions = extensions;
  }

  void register(Appliers appliers) {
    appliers.add(Write.InsertRun.class, this::insertRun);
    appliers.add(Write.CloseRun.class, this::closeRun);
    appliers.add(Write.DeleteRunTasks.class, (w, batch) -> deleteRunTasks(w.runId(), batch));
    appliers.add(Write.DeleteRun.class, this::deleteRun);
  }

  void insertRun(Write.InsertRun w, BatchContext batch) throws SQLException, ConflictException {
    Statements st = batch.statements();
    RunRecord run = w.run();
    dialect.lockWorkflowId(st.connection(), run.namespace(), run.workflowId());
    Set<WorkflowStatus> conflicting = w.conflictingStatuses();
    if (!conflicting.isEmpty()) {
      // by workflow ID only (its index); filtering the status in SQL lets the planner pick the
      // status index and scan every running run of the namespace
      PreparedStatement ps =
          st.prepare("SELECT run_id, status FROM runs WHERE namespace = ? AND workflow_id = ?");
      ps.setString(1, run.namespace());
      ps.setString(2, run.workflowId());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          WorkflowStatus status = WorkflowStatus.valueOf(rs.getString(2));
          if (conflicting.contains(status)) {
            throw new ConflictException(
                w,
                "workflow ID '"
                    + run.workflowId()
                    + "' has run "
                    + rs.getString(1)
                    + " in status "
                    + status);
          }
        }
      }
    }
    PreparedStatement ps =
        st.prepare(
            "INSERT INTO runs (run_id, namespace, workflow_id, workflow_type, task_queue, status,"
                + " start_time, close_time, priority, fairness_key, fairness_weight)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id) DO NOTHING");
    ps.setString(1, run.runId());
    ps.setString(2, run.namespace());
    ps.setString(3, run.workflowId());
    ps.setString(4, run.workflowType());
    ps.setString(5, run.taskQueue());
    ps.setString(6, run.status().name());
    Millis.set(ps, 7, run.startTime());
    Millis.set(ps, 8, run.closeTime());
    ps.setInt(9, w.scheduling().priority());
    ps.setString(10, w.scheduling().fairnessKey());
    ps.setDouble(11, w.scheduling().fairnessWeight());
    if (ps.executeUpdate() == 0) {
      throw new ConflictException(w, "run ID " + run.runId() + " exists");
    }
    batch.runInserted(run.runId(), w.scheduling());
  }

  void closeRun(Write.CloseRun w, BatchContext batch) throws SQLException, ConflictException {
    Statements st = batch.statements();
    String lockedInboxAfter = dialect.lockRunInboxAfterFunction();
    boolean checkInbox = w.consumedInboxId() != Long.MAX_VALUE;
    if (st.deferring() && lockedInboxAfter != null) {
      // one deferred statement; a run not running, or a newer inbox event, fails the count and
      // the group runs again without deferring, where the conflict names which
      st.update(
          "UPDATE runs SET status = ?, close_time = ? WHERE run_id = ? AND status = 'RUNNING'"
              + (checkInbox ? " AND NOT " + lockedInboxAfter + "(run_id, ?)" : ""),
          w.runId(),
          1,
          ps -> {
            ps.setString(1, w.status().name());
            Millis.set(ps, 2, w.closeTime());
            ps.setString(3, w.runId());
            if (checkInbox) {
              ps.setLong(4, w.consumedInboxId());
            }
          },
          "runs",
          "inbox");
      clearClosedRun(w, batch);
      return;
    }
    // the update locks the run's row (as lockRun would) before the inbox is read
    PreparedStatement ps =
        st.prepare(
            "UPDATE runs SET status = ?, close_time = ? WHERE run_id = ? AND status = 'RUNNING'",
            w.runId(),
            "runs");
    ps.setString(1, w.status().name());
    Millis.set(ps, 2, w.closeTime());
    ps.setString(3, w.runId());
    if (ps.executeUpdate() == 0) {
      throw new ConflictException(w, "run " + w.runId() + " is not running");
    }
    if (checkInbox && hasInboxAfter(w.runId(), w.consumedInboxId(), st)) {
      throw new ConflictException(
          w, "run " + w.runId() + " received events its closing workflow task did not see");
    }
    clearClosedRun(w, batch);
  }

  /** Deletes what a run keeps only while it runs: which node has it, and its pause. */
  private void clearClosedRun(Write.CloseRun w, BatchContext batch) throws SQLException {
    Statements st = batch.statements();
    if (!exclusive) {
      deleteRunRows(w.runId(), batch, "run_affinity", "paused_runs");
      batch.notifications().runClosed(w.runId());
      return;
    }
    deleteRunRows(w.runId(), batch, "run_affinity");
    if (pausedRuns.mayBePaused(st)
        && update(st, "DELETE FROM paused_runs WHERE run_id = ?", w.runId()) > 0) {
      pausedRuns.forget();
    }
    batch.notifications().runClosed(w.runId());
  }

  void deleteRunTasks(String runId, BatchContext batch) throws SQLException {
    deleteRunRows(runId, batch, RUN_TASK_TABLES);
  }

  /**
   * Deletes a closed run's rows, the rows its store extensions keep of it, and its own row last; a
   * missing run is left as it is.
   */
  void deleteRun(Write.DeleteRun w, BatchContext batch) throws SQLException, ConflictException {
    Statements st = batch.statements();
    PreparedStatement ps = st.prepare("SELECT status FROM runs WHERE run_id = ?");
    ps.setString(1, w.runId());
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return;
      }
      if (WorkflowStatus.RUNNING.name().equals(rs.getString(1))) {
        throw new ConflictException(w, "run " + w.runId() + " is running");
      }
    }
    update(st, "DELETE FROM history WHERE run_id = ?", w.runId());
    deleteRunTasks(w.runId(), batch);
    update(st, "DELETE FROM search_attributes WHERE run_id = ?", w.runId());
    update(st, "DELETE FROM search_attribute_keywords WHERE run_id = ?", w.runId());
    for (JdbcExtension extension : extensions) {
      extension.deleteRun(w.runId(), batch);
    }
    update(st, "DELETE FROM runs WHERE run_id = ?", w.runId());
  }

  /**
   * Deletes every row of a run from tables whose rows are keyed by run: now, or with the writer's
   * deferred updates (the count does not matter); with one statement where the dialect allows
   * deletes in a WITH clause. Once per batch: a closing run's batch clears some tables twice
   * (closing it, then deleting its tasks), and nothing in between adds rows there.
   */
  private void deleteRunRows(String runId, BatchContext batch, String... tables)
      throws SQLException {
    Statements st = batch.statements();
    List<String> todo = new ArrayList<>(tables.length);
    for (String table : tables) {
      if (batch.firstClearOf(runId, table)) {
        todo.add(table);
      }
    }
    if (todo.isEmpty()) {
      return;
    }
    if (!dialect.deletesInWith()) {
      for (String table : todo) {
        st.update(
            "DELETE FROM " + table + " WHERE run_id = ?",
            runId,
            Statements.ANY_COUNT,
            ps -> ps.setString(1, runId),
            table);
      }
      return;
    }
    StringBuilder sql = new StringBuilder();
    for (int i = 0; i < todo.size() - 1; i++) {
      sql.append(i == 0 ? "WITH " : ", ")
          .append("d")
          .append(i)
          .append(" AS (DELETE FROM ")
          .append(todo.get(i))
          .append(" WHERE run_id = ?)");
    }
    sql.append(todo.size() > 1 ? " " : "")
        .append("DELETE FROM ")
        .append(todo.get(todo.size() - 1))
        .append(" WHERE run_id = ?");
    int params = todo.size();
    st.update(
        sql.toString(),
        runId,
        Statements.ANY_COUNT,
        ps -> {
          for (int p = 1; p <= params; p++) {
            ps.setString(p, runId);
          }
        },
        todo.toArray(String[]::new));
  }
}
