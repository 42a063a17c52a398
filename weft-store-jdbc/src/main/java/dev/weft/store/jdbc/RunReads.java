package dev.weft.store.jdbc;

import dev.weft.store.ActivityTaskState;
import dev.weft.store.EventRecord;
import dev.weft.store.InboxRecord;
import dev.weft.store.RunRecord;
import dev.weft.store.RunSnapshot;
import dev.weft.store.RunWithLastEvent;
import dev.weft.store.StoreStats;
import dev.weft.store.TimerRecord;
import dev.weft.store.WorkflowTaskRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The read-only queries of a store, each run on a connection lent by the {@link ReadPool}. */
final class RunReads {

  Optional<RunRecord> findRun(String runId, Statements st) throws SQLException {
    PreparedStatement ps = st.prepare(RUN_SQL);
    ps.setString(1, runId);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(Rows.run(rs)) : Optional.empty();
    }
  }

  Optional<RunWithLastEvent> findRunWithLastEvent(String runId, Statements st) throws SQLException {
    PreparedStatement ps =
        st.prepare(
            "SELECT "
                + Rows.RUN_COLUMNS
                + ", h.event_type, h.event_time, h.data"
                + Rows.RUN_FROM
                + " WHERE r.run_id = ?");
    ps.setString(1, runId);
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      RunRecord run = Rows.run(rs);
      String type = rs.getString(11);
      EventRecord last =
          type == null
              ? null
              : new EventRecord(
                  run.nextEventId() - 1, type, Millis.instant(rs, 12), rs.getBytes(13));
      return Optional.of(new RunWithLastEvent(run, last));
    }
  }

  Optional<RunRecord> findLatestRun(String namespace, String workflowId, Statements st)
      throws SQLException {
    PreparedStatement ps =
        st.prepare(
            "SELECT "
                + Rows.RUN_COLUMNS
                + Rows.RUN_FROM
                + " WHERE r.namespace = ? AND r.workflow_id = ?"
                + " ORDER BY r.start_time DESC, CASE r.status WHEN 'RUNNING' THEN 0 ELSE 1 END"
                + " LIMIT 1");
    ps.setString(1, namespace);
    ps.setString(2, workflowId);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(Rows.run(rs)) : Optional.empty();
    }
  }

  List<String> findRunsClosedBefore(
      String namespace, Instant closedBefore, int limit, Statements st) throws SQLException {
    SqlStatement sql = RetentionSql.closedBefore(namespace, closedBefore, limit);
    PreparedStatement ps = st.prepare(sql.sql());
    for (int i = 0; i < sql.parameters().size(); i++) {
      ps.setObject(i + 1, sql.parameters().get(i));
    }
    List<String> runIds = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        runIds.add(rs.getString(1));
      }
    }
    return runIds;
  }

  private static final String RUN_SQL =
      "SELECT " + Rows.RUN_COLUMNS + Rows.RUN_FROM + " WHERE r.run_id = ?";

  private static final String HISTORY_SQL =
      "SELECT event_id, event_type, event_time, data FROM history"
          + " WHERE run_id = ? AND event_id >= ? ORDER BY event_id";

  private static final String HISTORY_PAGE_SQL = HISTORY_SQL + " LIMIT ?";

  private static final String INBOX_SQL =
      "SELECT inbox_id, event_type, event_time, data FROM inbox WHERE run_id = ?"
          + " ORDER BY inbox_id";

  List<EventRecord> readHistory(String runId, long fromEventId, Statements st) throws SQLException {
    PreparedStatement ps = st.prepare(HISTORY_SQL);
    ps.setString(1, runId);
    ps.setLong(2, fromEventId);
    try (ResultSet rs = ps.executeQuery()) {
      return events(rs);
    }
  }

  /** At most {@code maxEvents} events from {@code fromEventId}: the database stops at the page. */
  List<EventRecord> readHistory(String runId, long fromEventId, int maxEvents, Statements st)
      throws SQLException {
    PreparedStatement ps = st.prepare(HISTORY_PAGE_SQL);
    ps.setString(1, runId);
    ps.setLong(2, fromEventId);
    ps.setInt(3, maxEvents);
    try (ResultSet rs = ps.executeQuery()) {
      return events(rs);
    }
  }

  static void checkMaxEvents(String runId, int maxEvents) {
    if (maxEvents < 1) {
      throw new IllegalArgumentException(
          "maxEvents of the history of run " + runId + " must be 1 or more, was " + maxEvents);
    }
  }

  List<InboxRecord> readInbox(String runId, Statements st) throws SQLException {
    PreparedStatement ps = st.prepare(INBOX_SQL);
    ps.setString(1, runId);
    try (ResultSet rs = ps.executeQuery()) {
      return inbox(runId, rs);
    }
  }

  /**
   * Reads a run, its history (if asked) and its inbox: as one call of several statements where the
   * driver sends them in one round trip ({@code together}), else one after the other.
   */
  Optional<RunSnapshot> loadRun(String runId, boolean withHistory, boolean together, Statements st)
      throws SQLException {
    if (!together) {
      Optional<RunRecord> run = findRun(runId, st);
      if (run.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new RunSnapshot(
              run.get(), withHistory ? readHistory(runId, 1, st) : null, readInbox(runId, st)));
    }
    PreparedStatement ps =
        st.prepare(RUN_SQL + "; " + (withHistory ? HISTORY_SQL + "; " : "") + INBOX_SQL);
    int p = 1;
    ps.setString(p++, runId);
    if (withHistory) {
      ps.setString(p++, runId);
      ps.setLong(p++, 1);
    }
    ps.setString(p, runId);
    ps.execute();
    RunRecord run;
    try (ResultSet rs = ps.getResultSet()) {
      run = rs.next() ? Rows.run(rs) : null;
    }
    List<EventRecord> history = null;
    if (withHistory) {
      ps.getMoreResults();
      try (ResultSet rs = ps.getResultSet()) {
        history = events(rs);
      }
    }
    ps.getMoreResults();
    List<InboxRecord> inbox;
    try (ResultSet rs = ps.getResultSet()) {
      inbox = inbox(runId, rs);
    }
    return run == null ? Optional.empty() : Optional.of(new RunSnapshot(run, history, inbox));
  }

  private static List<EventRecord> events(ResultSet rs) throws SQLException {
    List<EventRecord> events = new ArrayList<>();
    while (rs.next()) {
      events.add(
          new EventRecord(
              rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), rs.getBytes(4)));
    }
    return events;
  }

  private static List<InboxRecord> inbox(String runId, ResultSet rs) throws SQLException {
    List<InboxRecord> events = new ArrayList<>();
    while (rs.next()) {
      events.add(
          new InboxRecord(
              rs.getLong(1),
              runId,
              rs.getString(2),
              Instant.ofEpochMilli(rs.getLong(3)),
              rs.getBytes(4)));
    }
    return events;
  }

  Optional<WorkflowTaskRecord> findWorkflowTask(String runId, Statements st) throws SQLException {
    PreparedStatement ps =
        st.prepare(
            "SELECT "
                + Rows.WORKFLOW_TASK_COLUMNS
                + ", failure_details FROM workflow_tasks WHERE run_id = ?");
    ps.setString(1, runId);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(Rows.workflowTaskWithDetails(rs)) : Optional.empty();
    }
  }

  List<ActivityTaskState> findActivityTasks(String runId, Statements st) throws SQLException {
    PreparedStatement ps =
        st.prepare(
            "SELECT "
                + Rows.ACTIVITY_TASK_COLUMNS
                + " FROM activity_tasks WHERE run_id = ? ORDER BY seq");
    ps.setString(1, runId);
    List<ActivityTaskState> tasks = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        tasks.add(Rows.activityTaskState(rs));
      }
    }
    return tasks;
  }

  Optional<ActivityTaskState> findActivityTask(String runId, long seq, Statements st)
      throws SQLException {
    PreparedStatement ps =
        st.prepare(
            "SELECT "
                + Rows.ACTIVITY_TASK_COLUMNS
                + " FROM activity_tasks WHERE run_id = ? AND seq = ?");
    ps.setString(1, runId);
    ps.setLong(2, seq);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(Rows.activityTaskState(rs)) : Optional.empty();
    }
  }

  List<TimerRecord> findTimers(String runId, Statements st) throws SQLException {
    PreparedStatement ps =
        st.prepare("SELECT run_id, seq, fire_at FROM timers WHERE run_id = ? ORDER BY seq");
    ps.setString(1, runId);
    return timers(ps);
  }

  List<TimerRecord> dueTimers(Instant now, int limit, Statements st) throws SQLException {
    PreparedStatement ps =
        st.prepare(
            "SELECT run_id, seq, fire_at FROM timers WHERE fire_at <= ?"
                + " AND NOT EXISTS (SELECT 1 FROM paused_runs p WHERE p.run_id = timers.run_id)"
                + " ORDER BY fire_at LIMIT ?");
    Millis.set(ps, 1, now);
    ps.setInt(2, limit);
    return timers(ps);
  }

  private static List<TimerRecord> timers(PreparedStatement ps) throws SQLException {
    List<TimerRecord> timers = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        timers.add(
            new TimerRecord(rs.getString(1), rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3))));
      }
    }
    return timers;
  }

  List<ActivityTaskState> expiredActivityTasks(Instant now, int limit, Statements st)
      throws SQLException {
    List<ActivityTaskState> expired = new ArrayList<>();
    PreparedStatement leased =
        st.prepare(
            "SELECT "
                + Rows.ACTIVITY_TASK_COLUMNS
                + " FROM activity_tasks WHERE lease_owner IS NOT NULL AND lease_until <= ?"
                + " ORDER BY lease_until LIMIT ?");
    Millis.set(leased, 1, now);
    leased.setInt(2, limit);
    collectActivityStates(leased, expired);
    if (expired.size() < limit) {
      PreparedStatement overdue =
          st.prepare(
              "SELECT "
                  + Rows.ACTIVITY_TASK_COLUMNS
                  + " FROM activity_tasks WHERE (lease_owner IS NULL OR lease_until > ?)"
                  + " AND schedule_to_close_deadline <= ? ORDER BY schedule_to_close_deadline"
                  + " LIMIT ?");
      Millis.set(overdue, 1, now);
      Millis.set(overdue, 2, now);
      overdue.setInt(3, limit - expired.size());
      collectActivityStates(overdue, expired);
    }
    return expired;
  }

  private static void collectActivityStates(PreparedStatement ps, List<ActivityTaskState> out)
      throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(Rows.activityTaskState(rs));
      }
    }
  }

  Optional<Instant> nextDueTime(Instant now, Statements st) throws SQLException {
    PreparedStatement ps =
        st.prepare(
            "SELECT MIN(t) FROM ("
                + " SELECT (SELECT fire_at FROM timers WHERE NOT EXISTS (SELECT 1 FROM paused_runs p"
                + " WHERE p.run_id = timers.run_id) ORDER BY fire_at LIMIT 1) AS t"
                + " UNION ALL SELECT MIN(visible_at) FROM workflow_tasks WHERE visible_at > ?"
                + " UNION ALL SELECT MIN(visible_at) FROM activity_tasks"
                + " WHERE lease_owner IS NULL AND visible_at > ?"
                + " UNION ALL SELECT MIN(lease_until) FROM activity_tasks"
                + " WHERE lease_owner IS NOT NULL"
                + " UNION ALL SELECT MIN(schedule_to_close_deadline) FROM activity_tasks"
                + " WHERE schedule_to_close_deadline IS NOT NULL) due");
    Millis.set(ps, 1, now);
    Millis.set(ps, 2, now);
    try (ResultSet rs = ps.executeQuery()) {
      if (rs.next()) {
        long t = rs.getLong(1);
        if (!rs.wasNull()) {
          return Optional.of(Instant.ofEpochMilli(t));
        }
      }
      return Optional.empty();
    }
  }

  StoreStats stats(Statements st) throws SQLException {
    return new StoreStats(
        count("runs", st),
        count("history", st),
        count("inbox", st),
        count("workflow_tasks", st),
        count("activity_tasks", st),
        count("timers", st));
  }

  private static long count(String table, Statements st) throws SQLException {
    try (ResultSet rs = st.prepare("SELECT COUNT(*) FROM " + table).executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
