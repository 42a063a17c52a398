package dev.weft.store.jdbc;

import dev.weft.store.TaskQueueBacklog;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** What waits in a task queue: counts and the oldest visibility time of each kind of task. */
final class TaskQueueReads {

  TaskQueueBacklog backlog(String taskQueue, Instant now, Statements st) throws SQLException {
    // a leased workflow task is invisible until its lease ends, then claimable again as it is
    long[] workflow = waiting("workflow_tasks", "", taskQueue, now, st);
    long[] activity = waiting("activity_tasks", " AND lease_owner IS NULL", taskQueue, now, st);
    return new TaskQueueBacklog(
        taskQueue,
        workflow[0],
        activity[0],
        workflow[0] == 0 ? null : Instant.ofEpochMilli(workflow[1]),
        activity[0] == 0 ? null : Instant.ofEpochMilli(activity[1]));
  }

  /** Returns the count and the earliest visibility time (epoch millis) of the waiting tasks. */
  private static long[] waiting(
      String table, String unleased, String taskQueue, Instant now, Statements st)
      throws SQLException {
    PreparedStatement ps =
        st.prepare(
            "SELECT COUNT(*), MIN(visible_at) FROM "
                + table
                + " WHERE task_queue = ? AND visible_at <= ?"
                + unleased);
    ps.setString(1, taskQueue);
    Millis.set(ps, 2, now);
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2)};
    }
  }
}
