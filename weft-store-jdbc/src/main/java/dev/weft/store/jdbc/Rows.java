package dev.weft.store.jdbc;

import dev.weft.common.WorkflowStatus;
import dev.weft.store.ActivityTaskRecord;
import dev.weft.store.ActivityTaskState;
import dev.weft.store.RunRecord;
import dev.weft.store.TaskScheduling;
import dev.weft.store.WorkflowTaskRecord;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Maps result rows to the SPI's records. Columns are read by position (looking them up by name
 * costs a string conversion per column per row in sqlite-jdbc), so each column list below goes with
 * its mapper: change them together.
 */
final class Rows {
  private Rows() {}

  /**
   * The columns of a run, read {@link #RUN_FROM} (as {@code r}): its cursor and history size come
   * from its last history event.
   */
  static final String RUN_COLUMNS =
      "r.run_id, r.namespace, r.workflow_id, r.workflow_type, r.task_queue, r.status,"
          + " r.start_time, r.close_time, COALESCE(h.event_id, 0) + 1, COALESCE(h.total_bytes, 0)";

  /** Runs joined with their last history event. */
  static final String RUN_FROM =
      " FROM runs r LEFT JOIN history h ON h.run_id = r.run_id"
          + " AND h.event_id = (SELECT MAX(m.event_id) FROM history m WHERE m.run_id = r.run_id)";

  static final String WORKFLOW_TASK_COLUMNS =
      "run_id, task_queue, visible_at, attempt, last_failure, lease_owner, lease_token";

  static final String ACTIVITY_TASK_COLUMNS =
      "run_id, seq, task_queue, activity_type, attempt, visible_at, schedule_to_close_deadline,"
          + " start_to_close_ms, heartbeat_timeout_ms, spec, heartbeat_details, last_failure,"
          + " lease_owner, lease_token, started_at, lease_until, priority, fairness_key,"
          + " fairness_weight, pass";

  static RunRecord run(ResultSet rs) throws SQLException {
    return new RunRecord(
        rs.getString(2),
        rs.getString(3),
        rs.getString(1),
        rs.getString(4),
        rs.getString(5),
        WorkflowStatus.valueOf(rs.getString(6)),
        Millis.instant(rs, 7),
        Millis.instant(rs, 8),
        rs.getLong(9),
        rs.getLong(10));
  }

  static WorkflowTaskRecord workflowTask(ResultSet rs) throws SQLException {
    return new WorkflowTaskRecord(
        rs.getString(1),
        rs.getString(2),
        Millis.instant(rs, 3),
        rs.getInt(4),
        rs.getString(5),
        rs.getString(6),
        rs.getLong(7));
  }

  /** A workflow task read with {@link #WORKFLOW_TASK_COLUMNS} then {@code failure_details}. */
  static WorkflowTaskRecord workflowTaskWithDetails(ResultSet rs) throws SQLException {
    return new WorkflowTaskRecord(
        rs.getString(1),
        rs.getString(2),
        Millis.instant(rs, 3),
        rs.getInt(4),
        rs.getString(5),
        rs.getString(6),
        rs.getLong(7),
        rs.getString(8));
  }

  static ActivityTaskRecord activityTask(ResultSet rs) throws SQLException {
    return new ActivityTaskRecord(
        rs.getString(1),
        rs.getLong(2),
        rs.getString(3),
        rs.getString(4),
        rs.getInt(5),
        Millis.instant(rs, 6),
        Millis.instant(rs, 7),
        Millis.duration(rs, 8),
        Millis.duration(rs, 9),
        rs.getBytes(10),
        rs.getBytes(11),
        rs.getBytes(12),
        new TaskScheduling(rs.getInt(17), rs.getString(18), rs.getDouble(19)));
  }

  static ActivityTaskState activityTaskState(ResultSet rs) throws SQLException {
    return new ActivityTaskState(
        activityTask(rs),
        rs.getString(13),
        rs.getLong(14),
        Millis.instant(rs, 15),
        Millis.instant(rs, 16));
  }
}
