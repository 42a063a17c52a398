package dev.weft.store.jdbc;

import dev.weft.store.ActivityTaskRecord;
import dev.weft.store.ActivityTaskState;
import dev.weft.store.RunRecord;
import dev.weft.store.RunStatus;
import dev.weft.store.WorkflowTaskRecord;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Maps result rows to the SPI's records; the column lists below go with the mappers. */
final class Rows {
  private Rows() {}

  static final String RUN_COLUMNS =
      "run_id, namespace, workflow_id, workflow_type, task_queue, status, start_time, close_time,"
          + " next_event_id, history_bytes";

  static final String WORKFLOW_TASK_COLUMNS =
      "run_id, task_queue, visible_at, attempt, last_failure, lease_owner, lease_token";

  static final String ACTIVITY_TASK_COLUMNS =
      "run_id, seq, task_queue, activity_type, attempt, visible_at, schedule_to_close_deadline,"
          + " start_to_close_ms, heartbeat_timeout_ms, spec, heartbeat_details, last_failure,"
          + " lease_owner, lease_token, started_at, lease_until";

  static RunRecord run(ResultSet rs) throws SQLException {
    return new RunRecord(
        rs.getString("namespace"),
        rs.getString("workflow_id"),
        rs.getString("run_id"),
        rs.getString("workflow_type"),
        rs.getString("task_queue"),
        RunStatus.valueOf(rs.getString("status")),
        Millis.instant(rs, "start_time"),
        Millis.instant(rs, "close_time"),
        rs.getLong("next_event_id"),
        rs.getLong("history_bytes"));
  }

  static WorkflowTaskRecord workflowTask(ResultSet rs) throws SQLException {
    return new WorkflowTaskRecord(
        rs.getString("run_id"),
        rs.getString("task_queue"),
        Millis.instant(rs, "visible_at"),
        rs.getInt("attempt"),
        rs.getString("last_failure"),
        rs.getString("lease_owner"),
        rs.getLong("lease_token"));
  }

  static ActivityTaskRecord activityTask(ResultSet rs) throws SQLException {
    return new ActivityTaskRecord(
        rs.getString("run_id"),
        rs.getLong("seq"),
        rs.getString("task_queue"),
        rs.getString("activity_type"),
        rs.getInt("attempt"),
        Millis.instant(rs, "visible_at"),
        Millis.instant(rs, "schedule_to_close_deadline"),
        Millis.duration(rs, "start_to_close_ms"),
        Millis.duration(rs, "heartbeat_timeout_ms"),
        rs.getBytes("spec"),
        rs.getBytes("heartbeat_details"),
        rs.getBytes("last_failure"));
  }

  static ActivityTaskState activityTaskState(ResultSet rs) throws SQLException {
    return new ActivityTaskState(
        activityTask(rs),
        rs.getString("lease_owner"),
        rs.getLong("lease_token"),
        Millis.instant(rs, "started_at"),
        Millis.instant(rs, "lease_until"));
  }
}
