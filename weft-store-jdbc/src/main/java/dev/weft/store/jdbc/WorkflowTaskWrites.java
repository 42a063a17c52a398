package dev.weft.store.jdbc;

import static dev.weft.store.jdbc.WriteSql.hasInboxAfter;
import static dev.weft.store.jdbc.WriteSql.lockRun;
import static dev.weft.store.jdbc.WriteSql.requeuePass;

import dev.weft.store.TaskKind;
import dev.weft.store.TaskLease;
import dev.weft.store.TaskScheduling;
import dev.weft.store.Write;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Applies the writes of a run's workflow task: {@link Write.EnsureWorkflowTask}, {@link
 * Write.AdvanceWorkflowTask}, {@link Write.CompleteWorkflowTask} (which re-arms the task when the
 * inbox got events its worker did not see) and {@link Write.FailWorkflowTask}.
 */
final class WorkflowTaskWrites {
  private final Dialect dialect;

  WorkflowTaskWrites(Dialect dialect) {
    this.dialect = dialect;
  }

  void register(Appliers appliers) {
    appliers.add(Write.EnsureWorkflowTask.class, this::ensureWorkflowTask);
    appliers.add(Write.AdvanceWorkflowTask.class, this::advanceWorkflowTask);
    appliers.add(Write.CompleteWorkflowTask.class, this::completeWorkflowTask);
    appliers.add(Write.FailWorkflowTask.class, this::failWorkflowTask);
  }

  void ensureWorkflowTask(Write.EnsureWorkflowTask w, BatchContext batch) throws SQLException {
    Statements st = batch.statements();
    TaskLease lease = w.lease();
    TaskScheduling known = batch.takeInsertedRun(w.runId());
    if (lease == null && known == null) {
      // an existing task stays as it is (and its key's line must not move); a run this batch
      // inserted has none yet
      PreparedStatement exists = st.prepare("SELECT 1 FROM workflow_tasks WHERE run_id = ?");
      exists.setString(1, w.runId());
      try (ResultSet rs = exists.executeQuery()) {
        if (rs.next()) {
          return;
        }
      }
    }
    TaskScheduling scheduling = known != null ? known : runScheduling(w.runId(), st);
    double pass =
        lease == null ? batch.passes().next(TaskKind.WORKFLOW, w.taskQueue(), scheduling, st) : 0;
    PreparedStatement ps =
        st.prepare(
            "INSERT INTO workflow_tasks (run_id, task_queue, visible_at, attempt, lease_owner,"
                + " lease_token, sticky_owner, priority, fairness_key, fairness_weight, pass)"
                + " VALUES (?, ?, ?, 1, ?, ?,"
                + " (SELECT owner FROM run_affinity WHERE run_id = ?), ?, ?, ?, ?)"
                + " ON CONFLICT (run_id) DO NOTHING");
    ps.setString(1, w.runId());
    ps.setString(2, w.taskQueue());
    Millis.set(ps, 3, lease == null ? w.visibleAt() : lease.until());
    ps.setString(4, lease == null ? null : lease.owner());
    ps.setLong(5, lease == null ? 0 : lease.token());
    ps.setString(6, w.runId());
    ps.setInt(7, scheduling.priority());
    ps.setString(8, scheduling.fairnessKey());
    ps.setDouble(9, scheduling.fairnessWeight());
    ps.setDouble(10, pass);
    if (ps.executeUpdate() > 0) {
      batch
          .notifications()
          .tasksReady(
              TaskKind.WORKFLOW, w.taskQueue(), lease == null ? w.visibleAt() : lease.until());
    }
  }

  void advanceWorkflowTask(Write.AdvanceWorkflowTask w, BatchContext batch) throws SQLException {
    PreparedStatement ps =
        batch
            .statements()
            .prepare(
                "UPDATE workflow_tasks SET visible_at = ? WHERE run_id = ?"
                    + " AND lease_owner IS NULL AND visible_at > ?");
    Millis.set(ps, 1, w.visibleAt());
    ps.setString(2, w.runId());
    Millis.set(ps, 3, w.visibleAt());
    if (ps.executeUpdate() > 0) {
      batch.notifications().tasksReady(TaskKind.WORKFLOW, w.taskQueue(), w.visibleAt());
    }
  }

  /** The scheduling of a run's workflow tasks (the default for a run that is gone). */
  private static TaskScheduling runScheduling(String runId, Statements st) throws SQLException {
    PreparedStatement ps =
        st.prepare("SELECT priority, fairness_key, fairness_weight FROM runs WHERE run_id = ?");
    ps.setString(1, runId);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next()
          ? new TaskScheduling(rs.getInt(1), rs.getString(2), rs.getDouble(3))
          : TaskScheduling.DEFAULT;
    }
  }

  void completeWorkflowTask(Write.CompleteWorkflowTask w, BatchContext batch)
      throws SQLException, ConflictException {
    Statements st = batch.statements();
    String lockedInboxAfter = dialect.lockRunInboxAfterFunction();
    if (st.deferring() && lockedInboxAfter != null) {
      // the common case as one deferred statement: no newer inbox event, the task deleted; a
      // newer event (or a lost lease) fails the count, and the group runs again without deferring
      st.update(
          "DELETE FROM workflow_tasks WHERE run_id = ? AND lease_token = ?"
              + " AND lease_owner IS NOT NULL AND NOT "
              + lockedInboxAfter
              + "(run_id, ?)",
          w.runId(),
          1,
          ps -> {
            ps.setString(1, w.runId());
            ps.setLong(2, w.leaseToken());
            ps.setLong(3, w.consumedInboxId());
          },
          "workflow_tasks",
          "runs",
          "inbox");
      return;
    }
    lockRun(dialect, w.runId(), st);
    boolean rearm = hasInboxAfter(w.runId(), w.consumedInboxId(), st);
    int rows;
    if (rearm) {
      double pass =
          requeuePass(
              TaskKind.WORKFLOW,
              w.taskQueue(),
              "workflow_tasks",
              "run_id = ? AND lease_token = ? AND lease_owner IS NOT NULL",
              batch,
              w.runId(),
              w.leaseToken());
      PreparedStatement ps =
          st.prepare(
              "UPDATE workflow_tasks SET lease_owner = NULL, lease_token = 0, visible_at = ?,"
                  + " attempt = 1, last_failure = NULL, failure_details = NULL, pass = ?,"
                  + " sticky_owner = (SELECT owner FROM run_affinity"
                  + " WHERE run_affinity.run_id = workflow_tasks.run_id)"
                  + " WHERE run_id = ? AND lease_token = ? AND lease_owner IS NOT NULL");
      Millis.set(ps, 1, w.now());
      ps.setDouble(2, pass);
      ps.setString(3, w.runId());
      ps.setLong(4, w.leaseToken());
      rows = ps.executeUpdate();
    } else {
      rows =
          st.update(
              "DELETE FROM workflow_tasks WHERE run_id = ? AND lease_token = ?"
                  + " AND lease_owner IS NOT NULL",
              w.runId(),
              1,
              ps -> {
                ps.setString(1, w.runId());
                ps.setLong(2, w.leaseToken());
              },
              "workflow_tasks");
    }
    if (rows == 0) {
      throw new ConflictException(
          w, "workflow task of run " + w.runId() + " is no longer leased by this worker");
    }
    if (rearm) {
      batch.notifications().tasksReady(TaskKind.WORKFLOW, w.taskQueue(), w.now());
    }
  }

  void failWorkflowTask(Write.FailWorkflowTask w, BatchContext batch)
      throws SQLException, ConflictException {
    Statements st = batch.statements();
    double pass =
        requeuePass(
            TaskKind.WORKFLOW,
            w.taskQueue(),
            "workflow_tasks",
            "run_id = ? AND lease_token = ? AND lease_owner IS NOT NULL",
            batch,
            w.runId(),
            w.leaseToken());
    PreparedStatement ps =
        st.prepare(
            "UPDATE workflow_tasks SET lease_owner = NULL, lease_token = 0, visible_at = ?,"
                + " attempt = attempt + 1, last_failure = ?, failure_details = ?, pass = ?"
                + " WHERE run_id = ? AND lease_token = ? AND lease_owner IS NOT NULL");
    Millis.set(ps, 1, w.retryAt());
    ps.setString(2, w.failure());
    ps.setString(3, w.failureDetails());
    ps.setDouble(4, pass);
    ps.setString(5, w.runId());
    ps.setLong(6, w.leaseToken());
    if (ps.executeUpdate() == 0) {
      throw new ConflictException(
          w, "workflow task of run " + w.runId() + " is no longer leased by this worker");
    }
    batch.notifications().tasksReady(TaskKind.WORKFLOW, w.taskQueue(), w.retryAt());
  }
}
