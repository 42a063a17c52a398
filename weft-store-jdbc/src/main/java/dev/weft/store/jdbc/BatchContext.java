package dev.weft.store.jdbc;

import dev.weft.store.TaskScheduling;
import dev.weft.store.Write;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the writes of one batch share while it is applied: the writer's statements, the batch's
 * notifications, the fair-queue passes of the tasks it queues, the runs it inserted and the run
 * rows it cleared. Created for each batch (and for each time a batch runs again), so nothing of one
 * batch leaks into the next; used by the writer's thread only. It is also the {@link WriteContext}
 * the appliers of store extensions get.
 */
final class BatchContext implements WriteContext {
  private final Dialect dialect;
  private final Statements statements;
  private final Notifications notifications;
  private final FairQueues.Allocation passes;
  private final ActivityTaskWrites.Nested nested;

  /**
   * Runs this batch inserted, with their workflow tasks' scheduling, until their first workflow
   * task is ensured: a start's append and task need not read back the row it just wrote. Created on
   * first use.
   */
  private Map<String, TaskScheduling> newRuns;

  /** "run table" of the run rows this batch deleted by run; created on first use. */
  private Set<String> clearedRunRows;

  BatchContext(
      Dialect dialect,
      Statements statements,
      Notifications notifications,
      FairQueues.Allocation passes,
      ActivityTaskWrites.Nested nested) {
    this.dialect = dialect;
    this.nested = nested;
    this.statements = statements;
    this.notifications = notifications;
    this.passes = passes;
  }

  Statements statements() {
    return statements;
  }

  @Override
  public PreparedStatement prepare(String sql) throws SQLException {
    return statements.prepare(sql);
  }

  @Override
  public void apply(Write write) throws SQLException, ConflictException {
    nested.apply(List.of(write), this);
  }

  @Override
  public Dialect dialect() {
    return dialect;
  }

  @Override
  public void afterCommit(Runnable action) {
    notifications.afterCommit(action);
  }

  Notifications notifications() {
    return notifications;
  }

  /** Passes of the tasks this batch queues. */
  FairQueues.Allocation passes() {
    return passes;
  }

  /** Remembers that this batch inserted the run, with its workflow tasks' scheduling. */
  void runInserted(String runId, TaskScheduling scheduling) {
    if (newRuns == null) {
      newRuns = new HashMap<>();
    }
    newRuns.put(runId, scheduling);
  }

  /** Whether this batch inserted the run and has not ensured its first workflow task yet. */
  boolean insertedRun(String runId) {
    return newRuns != null && newRuns.containsKey(runId);
  }

  /**
   * Returns the scheduling of a run this batch inserted and forgets it (its first workflow task is
   * being ensured), or null if the batch did not insert it.
   */
  TaskScheduling takeInsertedRun(String runId) {
    return newRuns == null ? null : newRuns.remove(runId);
  }

  /**
   * Records that this batch deletes the run's rows of {@code table}; returns false if it did
   * already (nothing in between adds rows there).
   */
  boolean firstClearOf(String runId, String table) {
    if (clearedRunRows == null) {
      clearedRunRows = new HashSet<>();
    }
    return clearedRunRows.add(runId + ' ' + table);
  }
}
