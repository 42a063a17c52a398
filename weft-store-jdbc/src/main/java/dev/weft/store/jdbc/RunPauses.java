package dev.weft.store.jdbc;

import static dev.weft.store.jdbc.WriteSql.isRunning;
import static dev.weft.store.jdbc.WriteSql.lockRun;
import static dev.weft.store.jdbc.WriteSql.update;

import dev.weft.store.TaskKind;
import dev.weft.store.Write;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Applies a run's pause writes: {@link Write.PauseRun}, {@link Write.ResumeRun}, and the guard
 * {@link Write.IfNotPaused} where it is not folded into the run's append (see {@link
 * BatchApplier}).
 */
final class RunPauses {
  private final Dialect dialect;
  private final PausedRuns pausedRuns;

  RunPauses(Dialect dialect, PausedRuns pausedRuns) {
    this.dialect = dialect;
    this.pausedRuns = pausedRuns;
  }

  void register(Appliers appliers) {
    appliers.add(Write.PauseRun.class, this::pauseRun);
    appliers.add(Write.ResumeRun.class, this::resumeRun);
    appliers.add(Write.IfNotPaused.class, this::ifNotPaused);
  }

  void pauseRun(Write.PauseRun w, BatchContext batch) throws SQLException, ConflictException {
    Statements st = batch.statements();
    lockRun(dialect, w.runId(), st);
    if (!isRunning(w.runId(), st)) {
      throw new ConflictException(w, "run " + w.runId() + " is not running");
    }
    PreparedStatement ps =
        st.prepare(
            "INSERT INTO paused_runs (run_id, paused_at, reason, identity) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (run_id) DO NOTHING");
    ps.setString(1, w.runId());
    Millis.set(ps, 2, w.pause().pausedAt());
    ps.setString(3, w.pause().reason());
    ps.setString(4, w.pause().identity());
    ps.executeUpdate();
    pausedRuns.paused();
  }

  void resumeRun(Write.ResumeRun w, BatchContext batch) throws SQLException, ConflictException {
    Statements st = batch.statements();
    Notifications notes = batch.notifications();
    lockRun(dialect, w.runId(), st);
    PreparedStatement run = st.prepare("SELECT task_queue FROM runs WHERE run_id = ?");
    run.setString(1, w.runId());
    String taskQueue;
    try (ResultSet rs = run.executeQuery()) {
      if (!rs.next()) {
        throw new ConflictException(w, "run " + w.runId() + " does not exist");
      }
      taskQueue = rs.getString(1);
    }
    if (update(st, "DELETE FROM paused_runs WHERE run_id = ?", w.runId()) == 0) {
      return;
    }
    pausedRuns.forget();
    // what was held: its workflow task, its activities (any queue), its timers that fell due
    notes.tasksReady(TaskKind.WORKFLOW, taskQueue, Instant.EPOCH);
    PreparedStatement queues =
        st.prepare("SELECT DISTINCT task_queue FROM activity_tasks WHERE run_id = ?");
    queues.setString(1, w.runId());
    try (ResultSet rs = queues.executeQuery()) {
      while (rs.next()) {
        notes.tasksReady(TaskKind.ACTIVITY, rs.getString(1), Instant.EPOCH);
      }
    }
    notes.dueAt(Instant.EPOCH);
  }

  void ifNotPaused(Write.IfNotPaused w, BatchContext batch) throws SQLException, ConflictException {
    Statements st = batch.statements();
    if (pausedRuns.mayBePaused(st) && FlowControlSql.runPause(w.runId(), st).isPresent()) {
      throw new ConflictException(w, "run " + w.runId() + " is paused");
    }
  }
}
