package dev.weft.store.jdbc;

import dev.weft.store.ActivityTaskState;
import dev.weft.store.AttentionPage;
import dev.weft.store.AttentionQuery;
import dev.weft.store.AttentionRun;
import dev.weft.store.RunRecord;
import dev.weft.store.WorkflowTaskRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The running runs that need attention. The candidates come from the partial indexes on failing
 * workflow tasks and retrying activity tasks (V012 in SQLite, V008 in PostgreSQL) and from the
 * indexes on unclaimed tasks' visibility times; only those are joined with their runs and sorted,
 * so the read costs what needs attention, not the number of runs. A page's tasks are then read run
 * by run, by primary key.
 */
final class AttentionReads {
  /** Binds {@code waitingSince} when the query has none: no task is visible before 0. */
  private static final long NEVER = -1;

  /**
   * The candidates first, then their runs by primary key: {@code CROSS JOIN} keeps SQLite from
   * scanning every running run and testing it against the candidates (PostgreSQL plans it as an
   * inner join).
   */
  private static final String PAGE =
      "SELECT "
          + Rows.RUN_COLUMNS
          + " FROM (SELECT run_id FROM workflow_tasks WHERE attempt > 1"
          + " UNION SELECT run_id FROM activity_tasks WHERE attempt > 1 OR last_failure IS NOT NULL"
          + " UNION SELECT run_id FROM workflow_tasks WHERE visible_at <= ? AND lease_owner IS NULL"
          + " UNION SELECT run_id FROM activity_tasks WHERE visible_at <= ? AND lease_owner IS NULL)"
          + " c CROSS JOIN runs r"
          + " LEFT JOIN history h ON h.run_id = r.run_id"
          + " AND h.event_id = (SELECT MAX(m.event_id) FROM history m WHERE m.run_id = r.run_id)"
          + " WHERE r.run_id = c.run_id AND r.namespace = ? AND r.status = 'RUNNING'"
          + " AND (r.start_time < ? OR (r.start_time = ? AND r.run_id < ?))"
          + " ORDER BY r.start_time DESC, r.run_id DESC LIMIT ?";

  private final RunReads runs;

  AttentionReads(RunReads runs) {
    this.runs = runs;
  }

  AttentionPage page(AttentionQuery query, Statements st) throws SQLException {
    long waitingSince = query.waitingSince() == null ? NEVER : query.waitingSince().toEpochMilli();
    PageToken.Keyset after = after(query.pageToken());
    PreparedStatement ps = st.prepare(PAGE);
    ps.setLong(1, waitingSince);
    ps.setLong(2, waitingSince);
    ps.setString(3, query.namespace());
    ps.setLong(4, after.startMillis());
    ps.setLong(5, after.startMillis());
    ps.setString(6, after.runId());
    ps.setInt(7, query.pageSize() + 1);
    List<RunRecord> found = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        found.add(Rows.run(rs));
      }
    }
    String next = null;
    if (found.size() > query.pageSize()) {
      found = found.subList(0, query.pageSize());
      RunRecord last = found.get(found.size() - 1);
      next = new PageToken.Keyset(last.startTime().toEpochMilli(), last.runId()).format();
    }
    List<AttentionRun> page = new ArrayList<>(found.size());
    for (RunRecord run : found) {
      page.add(tasks(run, waitingSince, st));
    }
    return new AttentionPage(page, next);
  }

  private AttentionRun tasks(RunRecord run, long waitingSince, Statements st) throws SQLException {
    WorkflowTaskRecord workflowTask =
        runs.findWorkflowTask(run.runId(), st)
            .filter(t -> t.attempt() > 1 || waiting(t.isLeased(), t.visibleAt(), waitingSince))
            .orElse(null);
    List<ActivityTaskState> activities = new ArrayList<>();
    for (ActivityTaskState a : runs.findActivityTasks(run.runId(), st)) {
      if (a.task().attempt() > 1
          || a.task().lastFailure() != null
          || waiting(a.isLeased(), a.task().visibleAt(), waitingSince)) {
        activities.add(a);
      }
    }
    return new AttentionRun(run, workflowTask, activities);
  }

  private static boolean waiting(boolean leased, Instant visibleAt, long since) {
    return !leased && visibleAt.toEpochMilli() <= since;
  }

  /** The position after which the page starts: past every run for the first page. */
  private static PageToken.Keyset after(String token) {
    if (token == null || token.isEmpty()) {
      return new PageToken.Keyset(Long.MAX_VALUE, "");
    }
    int colon = token.indexOf(':');
    try {
      if (colon > 0) {
        return new PageToken.Keyset(
            Long.parseLong(token.substring(0, colon)), token.substring(colon + 1));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "invalid page token '"
            + token
            + "' for the runs needing attention: pass the nextPageToken of the previous page");
  }
}
