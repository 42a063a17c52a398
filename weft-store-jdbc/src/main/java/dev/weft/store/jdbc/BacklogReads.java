package dev.weft.store.jdbc;

import dev.weft.store.QueueBacklog;
import dev.weft.store.TaskKind;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the queues' backlogs: the ready, unleased tasks per queue and kind. */
final class BacklogReads {

  List<QueueBacklog> taskBacklog(Instant now, Statements st) throws SQLException {
    List<QueueBacklog> out = new ArrayList<>();
    read("workflow_tasks", TaskKind.WORKFLOW, now, st, out);
    read("activity_tasks", TaskKind.ACTIVITY, now, st, out);
    return out;
  }

  private static void read(
      String table, TaskKind kind, Instant now, Statements st, List<QueueBacklog> out)
      throws SQLException {
    PreparedStatement ps =
        st.prepare(
            "SELECT task_queue, COUNT(*), MIN(visible_at) FROM "
                + table
                + " WHERE lease_owner IS NULL AND visible_at <= ?"
                + " GROUP BY task_queue ORDER BY task_queue");
    Millis.set(ps, 1, now);
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new QueueBacklog(
                rs.getString(1), kind, rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3))));
      }
    }
  }
}
