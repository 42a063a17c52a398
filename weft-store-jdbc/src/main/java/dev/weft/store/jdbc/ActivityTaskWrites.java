package dev.weft.store.jdbc;

import static dev.weft.store.jdbc.WriteSql.requeuePass;
import static dev.weft.store.jdbc.WriteSql.update;

import dev.weft.store.ActivityTaskRecord;
import dev.weft.store.TaskKind;
import dev.weft.store.TaskLease;
import dev.weft.store.Write;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Applies the writes of activity tasks: {@link Write.InsertActivityTask} (one statement for the
 * inserts of a whole group where the dialect takes arrays), {@link Write.CompleteActivityTask},
 * {@link Write.RetryActivityTask}, {@link Write.RequestActivityCancel} and {@link
 * Write.DeleteActivityTask}. The two that may apply nested writes (a cancel-requested task's final
 * outcome instead of a retry, the record of a cancel of a task no attempt holds) hand them to the
 * batch's dispatcher ({@link Nested}).
 */
final class ActivityTaskWrites {
  private final Dialect dialect;

  ActivityTaskWrites(Dialect dialect) {
    this.dialect = dialect;
  }

  /** Applies nested writes in the batch's transaction, each by the applier of its kind. */
  @FunctionalInterface
  interface Nested {
    void apply(List<Write> writes, BatchContext batch) throws SQLException, ConflictException;
  }

  void register(Appliers appliers, Nested nested) {
    appliers.add(Write.InsertActivityTask.class, this::insertActivityTask);
    appliers.add(Write.CompleteActivityTask.class, ActivityTaskWrites::completeActivityTask);
    appliers.add(
        Write.RetryActivityTask.class,
        (w, batch) -> {
          if (!retryActivityTask(w, batch)) {
            nested.apply(w.ifCancelRequested(), batch);
          }
        });
    appliers.add(
        Write.RequestActivityCancel.class,
        (w, batch) -> {
          if (requestCancel(w, batch)) {
            nested.apply(w.ifNotRunning(), batch);
          }
        });
    appliers.add(
        Write.DeleteActivityTask.class,
        (w, batch) ->
            update(
                batch.statements(),
                "DELETE FROM activity_tasks WHERE run_id = ? AND seq = ?",
                w.runId(),
                w.seq()));
  }

  void insertActivityTask(Write.InsertActivityTask w, BatchContext batch) throws SQLException {
    Statements st = batch.statements();
    Notifications notes = batch.notifications();
    ActivityTaskRecord t = w.task();
    TaskLease lease = w.lease();
    double pass =
        lease == null
            ? batch.passes().next(TaskKind.ACTIVITY, t.taskQueue(), t.scheduling(), st)
            : 0;
    if (st.deferring() && dialect.bulkUpdates()) {
      Object[] row = {
        t.runId(),
        t.seq(),
        t.taskQueue(),
        t.activityType(),
        lease == null ? t.attempt() : t.attempt() + 1,
        Millis.of(t.visibleAt()),
        Millis.of(t.scheduleToCloseDeadline()),
        Millis.of(t.startToCloseTimeout()),
        Millis.of(t.heartbeatTimeout()),
        t.spec(),
        t.heartbeatDetails(),
        t.lastFailure(),
        lease == null ? null : lease.owner(),
        lease == null ? 0L : lease.token(),
        lease == null ? null : Millis.of(lease.startedAt()),
        lease == null ? null : Millis.of(lease.until()),
        t.scheduling().priority(),
        t.scheduling().fairnessKey(),
        t.scheduling().fairnessWeight(),
        pass
      };
      st.bulk(INSERT_ACTIVITY_TASKS, t.runId(), 1, List.<Object[]>of(row), activityRow(t.seq()));
    } else {
      insertActivityTask(t, lease, pass, st);
    }
    if (lease == null) {
      notes.tasksReady(TaskKind.ACTIVITY, t.taskQueue(), t.visibleAt());
    } else {
      notes.dueAt(lease.until());
    }
    if (t.scheduleToCloseDeadline() != null) {
      notes.dueAt(t.scheduleToCloseDeadline());
    }
  }

  /** {@link #insertActivityTask} for the tasks of a whole group, one row per task. */
  private static final BulkUpdate INSERT_ACTIVITY_TASKS =
      new BulkUpdate(
          "INSERT INTO activity_tasks (run_id, seq, task_queue, activity_type, attempt,"
              + " visible_at, schedule_to_close_deadline, start_to_close_ms,"
              + " heartbeat_timeout_ms, spec, heartbeat_details, last_failure, lease_owner,"
              + " lease_token, started_at, lease_until, priority, fairness_key, fairness_weight,"
              + " pass) SELECT * FROM unnest(?::text[], ?::int8[], ?::text[], ?::text[],"
              + " ?::int4[], ?::int8[], ?::int8[], ?::int8[], ?::int8[], ?::bytea[], ?::bytea[],"
              + " ?::bytea[], ?::text[], ?::int8[], ?::int8[], ?::int8[], ?::int4[], ?::text[],"
              + " ?::float8[], ?::float8[])",
          List.of(
              BulkUpdate.Type.TEXT,
              BulkUpdate.Type.INT8,
              BulkUpdate.Type.TEXT,
              BulkUpdate.Type.TEXT,
              BulkUpdate.Type.INT4,
              BulkUpdate.Type.INT8,
              BulkUpdate.Type.INT8,
              BulkUpdate.Type.INT8,
              BulkUpdate.Type.INT8,
              BulkUpdate.Type.BYTEA,
              BulkUpdate.Type.BYTEA,
              BulkUpdate.Type.BYTEA,
              BulkUpdate.Type.TEXT,
              BulkUpdate.Type.INT8,
              BulkUpdate.Type.INT8,
              BulkUpdate.Type.INT8,
              BulkUpdate.Type.INT4,
              BulkUpdate.Type.TEXT,
              BulkUpdate.Type.FLOAT8,
              BulkUpdate.Type.FLOAT8));

  private static void insertActivityTask(
      ActivityTaskRecord t, TaskLease lease, double pass, Statements st) throws SQLException {
    st.update(
        "INSERT INTO activity_tasks (run_id, seq, task_queue, activity_type, attempt,"
            + " visible_at, schedule_to_close_deadline, start_to_close_ms,"
            + " heartbeat_timeout_ms, spec, heartbeat_details, last_failure, lease_owner,"
            + " lease_token, started_at, lease_until, priority, fairness_key, fairness_weight,"
            + " pass) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        t.runId(),
        1,
        ps -> {
          ps.setString(1, t.runId());
          ps.setLong(2, t.seq());
          ps.setString(3, t.taskQueue());
          ps.setString(4, t.activityType());
          ps.setInt(5, lease == null ? t.attempt() : t.attempt() + 1);
          Millis.set(ps, 6, t.visibleAt());
          Millis.set(ps, 7, t.scheduleToCloseDeadline());
          Millis.set(ps, 8, t.startToCloseTimeout());
          Millis.set(ps, 9, t.heartbeatTimeout());
          ps.setBytes(10, t.spec());
          ps.setBytes(11, t.heartbeatDetails());
          ps.setBytes(12, t.lastFailure());
          ps.setString(13, lease == null ? null : lease.owner());
          ps.setLong(14, lease == null ? 0 : lease.token());
          Millis.set(ps, 15, lease == null ? null : lease.startedAt());
          Millis.set(ps, 16, lease == null ? null : lease.until());
          ps.setInt(17, t.scheduling().priority());
          ps.setString(18, t.scheduling().fairnessKey());
          ps.setDouble(19, t.scheduling().fairnessWeight());
          ps.setDouble(20, pass);
        },
        activityRow(t.seq()));
  }

  static void completeActivityTask(Write.CompleteActivityTask w, BatchContext batch)
      throws SQLException, ConflictException {
    int rows =
        batch
            .statements()
            .update(
                "DELETE FROM activity_tasks WHERE run_id = ? AND seq = ? AND lease_token = ?"
                    + " AND lease_owner IS NOT NULL",
                w.runId(),
                1,
                ps -> {
                  ps.setString(1, w.runId());
                  ps.setLong(2, w.seq());
                  ps.setLong(3, w.leaseToken());
                },
                activityRow(w.seq()));
    if (rows == 0) {
      throw new ConflictException(
          w, "activity " + w.seq() + " of run " + w.runId() + " is no longer held by this attempt");
    }
  }

  /**
   * Marks a leased task cancel-requested, or deletes a task no attempt holds; returns whether it
   * deleted one (then the write's nested writes apply). A missing task changes nothing.
   */
  private static boolean requestCancel(Write.RequestActivityCancel w, BatchContext batch)
      throws SQLException {
    Statements st = batch.statements();
    PreparedStatement mark =
        st.prepare(
            "UPDATE activity_tasks SET cancel_requested = TRUE"
                + " WHERE run_id = ? AND seq = ? AND lease_owner IS NOT NULL",
            w.runId(),
            activityRow(w.seq()));
    mark.setString(1, w.runId());
    mark.setLong(2, w.seq());
    if (mark.executeUpdate() > 0) {
      return false;
    }
    PreparedStatement delete =
        st.prepare(
            "DELETE FROM activity_tasks WHERE run_id = ? AND seq = ? AND lease_owner IS NULL",
            w.runId(),
            activityRow(w.seq()));
    delete.setString(1, w.runId());
    delete.setLong(2, w.seq());
    return delete.executeUpdate() > 0;
  }

  /**
   * Schedules the next attempt and returns true; for a task marked cancel-requested, deletes it
   * instead and returns false (its final outcome is then written by the nested writes).
   */
  static boolean retryActivityTask(Write.RetryActivityTask w, BatchContext batch)
      throws SQLException, ConflictException {
    Statements st = batch.statements();
    double pass =
        requeuePass(
            TaskKind.ACTIVITY,
            w.taskQueue(),
            "activity_tasks",
            "run_id = ? AND seq = ? AND lease_token = ? AND lease_owner IS NOT NULL"
                + " AND NOT cancel_requested",
            batch,
            w.runId(),
            w.seq(),
            w.leaseToken());
    PreparedStatement ps =
        st.prepare(
            "UPDATE activity_tasks SET lease_owner = NULL, lease_token = 0, started_at = NULL,"
                + " lease_until = NULL, visible_at = ?, last_failure = ?,"
                + " heartbeat_details = COALESCE(?, heartbeat_details), pass = ?"
                + " WHERE run_id = ? AND seq = ? AND lease_token = ? AND lease_owner IS NOT NULL"
                + " AND NOT cancel_requested");
    Millis.set(ps, 1, w.visibleAt());
    ps.setBytes(2, w.lastFailure());
    ps.setBytes(3, w.heartbeatDetails());
    ps.setDouble(4, pass);
    ps.setString(5, w.runId());
    ps.setLong(6, w.seq());
    ps.setLong(7, w.leaseToken());
    if (ps.executeUpdate() > 0) {
      batch.notifications().tasksReady(TaskKind.ACTIVITY, w.taskQueue(), w.visibleAt());
      return true;
    }
    PreparedStatement end =
        st.prepare(
            "DELETE FROM activity_tasks WHERE run_id = ? AND seq = ? AND lease_token = ?"
                + " AND lease_owner IS NOT NULL AND cancel_requested");
    end.setString(1, w.runId());
    end.setLong(2, w.seq());
    end.setLong(3, w.leaseToken());
    if (end.executeUpdate() == 0) {
      throw new ConflictException(
          w, "activity " + w.seq() + " of run " + w.runId() + " is no longer held by this attempt");
    }
    return false;
  }

  /** Names an activity task's row of its run, for {@link Statements#update}. */
  private static String activityRow(long seq) {
    return "activity_tasks " + seq;
  }
}
