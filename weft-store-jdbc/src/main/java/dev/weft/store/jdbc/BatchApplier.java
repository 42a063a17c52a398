package dev.weft.store.jdbc;

import dev.weft.store.ActivityTaskRecord;
import dev.weft.store.Batch;
import dev.weft.store.EventRecord;
import dev.weft.store.RunRecord;
import dev.weft.store.RunStatus;
import dev.weft.store.TaskKind;
import dev.weft.store.TaskLease;
import dev.weft.store.TaskScheduling;
import dev.weft.store.Write;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies the writes of a {@link Batch} inside the writer's transaction. A conditional write that
 * does not hold throws {@link ConflictException}; the writer then rolls the batch back.
 */
final class BatchApplier {
  private final Dialect dialect;
  private final FairQueues fairQueues;
  private final boolean exclusive;

  /** Whether any run is paused; null when not known (a store shared with other processes). */
  private Boolean anyPausedRun;

  BatchApplier(Dialect dialect, FairQueues fairQueues, boolean exclusive) {
    this.dialect = dialect;
    this.fairQueues = fairQueues;
    this.exclusive = exclusive;
  }

  /** Passes of the tasks the batch being applied queues (the writer applies one at a time). */
  private FairQueues.Allocation passes;

  /**
   * Runs the batch being applied inserted, with their workflow tasks' scheduling, until their first
   * workflow task is ensured: a start's append and task need not read back the row it just wrote.
   */
  private final Map<String, TaskScheduling> newRuns = new HashMap<>();

  /** "run table" of the run rows the batch being applied deleted with {@link #deleteRunRows}. */
  private final Set<String> clearedRunRows = new HashSet<>();

  void apply(Batch batch, Statements st, Notifications notes)
      throws SQLException, ConflictException {
    passes = fairQueues.allocation();
    newRuns.clear();
    clearedRunRows.clear();
    try {
      apply(batch.writes(), st, notes);
      passes.flush();
    } finally {
      passes = null;
      newRuns.clear();
      clearedRunRows.clear();
    }
  }

  private void apply(List<Write> writes, Statements st, Notifications notes)
      throws SQLException, ConflictException {
    Write.IfNotPaused deferredGuard = null;
    int guardedAppend = -1;
    for (int i = 0; i < writes.size(); i++) {
      Write write = writes.get(i);
      if (write instanceof Write.IfNotPaused guard) {
        int append = guardedAppend(writes, i);
        if (append >= 0) {
          // the common eager step: the run's append checks the pause itself (one statement fewer);
          // a paused run fails it, and with it the whole batch, as the guard would have
          deferredGuard = guard;
          guardedAppend = append;
          continue;
        }
      }
      if (i == guardedAppend) {
        appendEvents((Write.AppendEvents) write, deferredGuard, st);
        continue;
      }
      switch (write) {
        case Write.InsertRun w -> insertRun(w, st);
        case Write.AppendEvents w -> appendEvents(w, null, st);
        case Write.CloseRun w -> closeRun(w, st, notes);
        case Write.InsertInbox w -> insertInbox(w, st);
        case Write.DeleteInbox w -> {
          lockRun(w.runId(), st);
          update(
              st,
              "DELETE FROM inbox WHERE run_id = ? AND inbox_id <= ?",
              w.runId(),
              w.upToInboxId());
        }
        case Write.EnsureWorkflowTask w -> ensureWorkflowTask(w, st, notes);
        case Write.CompleteWorkflowTask w -> completeWorkflowTask(w, st, notes);
        case Write.FailWorkflowTask w -> failWorkflowTask(w, st, notes);
        case Write.InsertActivityTask w -> insertActivityTask(w, st, notes);
        case Write.CompleteActivityTask w -> completeActivityTask(w, st);
        case Write.RetryActivityTask w -> retryActivityTask(w, st, notes);
        case Write.DeleteActivityTask w ->
            update(
                st, "DELETE FROM activity_tasks WHERE run_id = ? AND seq = ?", w.runId(), w.seq());
        case Write.InsertTimer w -> insertTimer(w, st, notes);
        case Write.DeleteTimer w -> deleteTimer(w, st);
        case Write.DeleteRunTasks w -> deleteRunTasks(w.runId(), st);
        case Write.DeleteRun w -> deleteRun(w, st);
        case Write.UpsertSearchAttributes w -> VisibilityWrites.upsertSearchAttributes(w, st);
        case Write.SetMemo w -> VisibilityWrites.setMemo(w, st);
        case Write.PutUpdateOutcome w -> UpdateOutcomes.put(w, st);
        case Write.PauseRun w -> pauseRun(w, st);
        case Write.ResumeRun w -> resumeRun(w, st, notes);
        case Write.IfNotPaused w -> {
          if (mayBePaused(st) && FlowControlSql.runPause(w.runId(), st).isPresent()) {
            throw new ConflictException(w, "run " + w.runId() + " is paused");
          }
        }
        case Write.IfRunning w -> {
          if (isRunning(w.runId(), st)) {
            apply(w.writes(), st, notes);
          }
        }
      }
    }
  }

  /**
   * Returns the index of the append after the guard at {@code at} that can check the guard's pause
   * itself (the first append of the same run, not its first events), or -1.
   */
  private static int guardedAppend(List<Write> writes, int at) {
    String runId = ((Write.IfNotPaused) writes.get(at)).runId();
    for (int j = at + 1; j < writes.size(); j++) {
      if (writes.get(j) instanceof Write.AppendEvents append && append.runId().equals(runId)) {
        return append.expectedNextEventId() > 1 ? j : -1;
      }
    }
    return -1;
  }

  private void insertRun(Write.InsertRun w, Statements st) throws SQLException, ConflictException {
    RunRecord run = w.run();
    dialect.lockWorkflowId(st.connection(), run.namespace(), run.workflowId());
    Set<RunStatus> conflicting = w.conflictingStatuses();
    if (!conflicting.isEmpty()) {
      // by workflow ID only (its index); filtering the status in SQL lets the planner pick the
      // status index and scan every running run of the namespace
      PreparedStatement ps =
          st.prepare("SELECT run_id, status FROM runs WHERE namespace = ? AND workflow_id = ?");
      ps.setString(1, run.namespace());
      ps.setString(2, run.workflowId());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          RunStatus status = RunStatus.valueOf(rs.getString(2));
          if (conflicting.contains(status)) {
            throw new ConflictException(
                w,
                "workflow ID '"
                    + run.workflowId()
                    + "' has run "
                    + rs.getString(1)
                    + " in status "
                    + status);
          }
        }
      }
    }
    PreparedStatement ps =
        st.prepare(
            "INSERT INTO runs (run_id, namespace, workflow_id, workflow_type, task_queue, status,"
                + " start_time, close_time, priority, fairness_key, fairness_weight)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id) DO NOTHING");
    ps.setString(1, run.runId());
    ps.setString(2, run.namespace());
    ps.setString(3, run.workflowId());
    ps.setString(4, run.workflowType());
    ps.setString(5, run.taskQueue());
    ps.setString(6, run.status().name());
    Millis.set(ps, 7, run.startTime());
    Millis.set(ps, 8, run.closeTime());
    ps.setInt(9, w.scheduling().priority());
    ps.setString(10, w.scheduling().fairnessKey());
    ps.setDouble(11, w.scheduling().fairnessWeight());
    if (ps.executeUpdate() == 0) {
      throw new ConflictException(w, "run ID " + run.runId() + " exists");
    }
    newRuns.put(run.runId(), w.scheduling());
  }

  /**
   * Appends events with optimistic concurrency from the history's primary key: event {@code N} can
   * be inserted only once, and only after event {@code N-1} (so the run's row is not written per
   * step). Each event stores the history's total size up to it. With a {@code guard} (an {@link
   * Write.IfNotPaused} earlier in the batch, for the same run), the insert itself checks that the
   * run is not paused, and a paused run fails the guard.
   */
  private void appendEvents(Write.AppendEvents w, Write.IfNotPaused guard, Statements st)
      throws SQLException, ConflictException {
    boolean checkPause = guard != null && mayBePaused(st);
    long expected = w.expectedNextEventId();
    List<EventRecord> events = w.events();
    int from = 0;
    if (expected == 1) {
      if (!newRuns.containsKey(w.runId())) {
        PreparedStatement run = st.prepare("SELECT 1 FROM runs WHERE run_id = ?");
        run.setString(1, w.runId());
        try (ResultSet rs = run.executeQuery()) {
          if (!rs.next()) {
            throw new ConflictException(w, "run " + w.runId() + " does not exist");
          }
        }
      }
      List<EventRecord> first = events.subList(0, Math.min(events.size(), MAX_ROWS_PER_INSERT));
      if (!insertFirstEvents(w.runId(), first, st)) {
        throw new ConflictException(w, describeCursor(w.runId(), expected, st));
      }
      from = first.size();
    }
    for (; from < events.size(); from += MAX_ROWS_PER_INSERT) {
      List<EventRecord> chunk =
          events.subList(from, Math.min(events.size(), from + MAX_ROWS_PER_INSERT));
      if (st.deferring() && dialect.bulkUpdates()) {
        st.bulk(
            APPEND_EVENTS,
            w.runId(),
            chunk.size(),
            eventRows(w.runId(), chunk, checkPause && from == 0),
            "history",
            "paused_runs");
        continue;
      }
      if (!insertEventsAfter(w.runId(), chunk, checkPause && from == 0, st)) {
        if (checkPause && FlowControlSql.runPause(w.runId(), st).isPresent()) {
          throw new ConflictException(guard, "run " + w.runId() + " is paused");
        }
        // the previous event is not there (the cursor moved), or another writer appended first
        throw new ConflictException(w, describeCursor(w.runId(), expected, st));
      }
    }
  }

  private static final int MAX_ROWS_PER_INSERT = 32;

  /**
   * {@link #insertEventsAfter} for the appends of a whole group: each row an event, with the ID of
   * the event it follows (whose cumulative size it adds to) and whether to check the run's pause.
   */
  private static final BulkUpdate APPEND_EVENTS =
      new BulkUpdate(
          "INSERT INTO history (run_id, event_id, event_type, event_time, data, total_bytes)"
              + " SELECT v.run_id, v.event_id, v.event_type, v.event_time, v.data,"
              // a lookup per row, not a join: a join of the arrays may be planned as a scan of
              // the whole history (the planner cannot see how many rows they hold). A missing
              // previous event makes the size null, which the column refuses: the group fails
              + " (SELECT p.total_bytes FROM history p"
              + " WHERE p.run_id = v.run_id COLLATE \"C\" AND p.event_id = v.after_id)"
              + " + v.offset_bytes"
              + " FROM unnest(?::text[], ?::int8[], ?::text[], ?::int8[], ?::bytea[], ?::int8[],"
              + " ?::int8[], ?::bool[]) AS v (run_id, event_id, event_type, event_time, data,"
              + " offset_bytes, after_id, unless_paused)"
              + " WHERE NOT (v.unless_paused"
              + " AND EXISTS (SELECT 1 FROM paused_runs x WHERE x.run_id = v.run_id COLLATE \"C\"))",
          List.of(
              BulkUpdate.Type.TEXT,
              BulkUpdate.Type.INT8,
              BulkUpdate.Type.TEXT,
              BulkUpdate.Type.INT8,
              BulkUpdate.Type.BYTEA,
              BulkUpdate.Type.INT8,
              BulkUpdate.Type.INT8,
              BulkUpdate.Type.BOOL));

  /** The rows of {@link #APPEND_EVENTS} for events that follow event {@code first - 1}. */
  private static List<Object[]> eventRows(
      String runId, List<EventRecord> events, boolean unlessPaused) {
    List<Object[]> rows = new ArrayList<>(events.size());
    long after = events.get(0).eventId() - 1;
    long size = 0;
    for (EventRecord e : events) {
      size += e.data().length;
      rows.add(
          new Object[] {
            runId, e.eventId(), e.type(), Millis.of(e.time()), e.data(), size, after, unlessPaused
          });
    }
    return rows;
  }

  /**
   * Inserts a run's first events with one statement; returns whether all were inserted (not if any
   * of their IDs exists already; then some may have been, and the caller rolls back).
   */
  private static boolean insertFirstEvents(String runId, List<EventRecord> events, Statements st)
      throws SQLException {
    StringBuilder sql =
        new StringBuilder(
            "INSERT INTO history (run_id, event_id, event_type, event_time, data, total_bytes)"
                + " VALUES ");
    appendEventRows(sql, events.size());
    // a duplicate ID is reported by the row count, not an error: an error would abort the
    // transaction in some databases, and the conflict's description still needs to read
    sql.append(" ON CONFLICT (run_id, event_id) DO NOTHING");
    PreparedStatement insert = st.prepare(sql.toString());
    bindEventRows(insert, runId, events);
    return insert.executeUpdate() == events.size();
  }

  /** Appends {@code n} placeholder rows of an event insert, comma-separated. */
  private static void appendEventRows(StringBuilder sql, int n) {
    for (int i = 0; i < n; i++) {
      sql.append(i == 0 ? "(?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?)");
    }
  }

  /**
   * Binds the rows written by {@link #appendEventRows}: each event with the cumulative size of the
   * events up to it, counted from the first. Returns the next parameter index.
   */
  private static int bindEventRows(PreparedStatement insert, String runId, List<EventRecord> events)
      throws SQLException {
    int p = 1;
    long size = 0;
    for (EventRecord e : events) {
      size += e.data().length;
      insert.setString(p++, runId);
      insert.setLong(p++, e.eventId());
      insert.setString(p++, e.type());
      Millis.set(insert, p++, e.time());
      insert.setBytes(p++, e.data());
      insert.setLong(p++, size);
    }
    return p;
  }

  /**
   * Inserts events that follow the run's event {@code first - 1}, with one statement that also
   * reads that event's cumulative size (each row's {@code total_bytes} is the previous event's plus
   * the sizes up to it): so an append is one round trip. Returns whether all were inserted: none
   * are if the previous event is missing (the caller's cursor is stale), some may not be if another
   * writer appended the same IDs (the caller rolls back). With {@code unlessPaused}, nothing is
   * inserted while the run is paused.
   */
  private static boolean insertEventsAfter(
      String runId, List<EventRecord> events, boolean unlessPaused, Statements st)
      throws SQLException {
    StringBuilder sql =
        new StringBuilder(
            "WITH v (run_id, event_id, event_type, event_time, data, offset_bytes) AS (VALUES ");
    appendEventRows(sql, events.size());
    // WHERE (not JOIN ... ON) keeps SQLite from reading ON CONFLICT as a join's condition
    sql.append(
        ") INSERT INTO history (run_id, event_id, event_type, event_time, data, total_bytes)"
            + " SELECT v.run_id, v.event_id, v.event_type, v.event_time, v.data,"
            + " p.total_bytes + v.offset_bytes FROM v, history p"
            + " WHERE p.run_id = ? AND p.event_id = ?"
            + (unlessPaused
                ? " AND NOT EXISTS (SELECT 1 FROM paused_runs x WHERE x.run_id = p.run_id)"
                : "")
            // deferred, a duplicate ID may fail the batch with an error: the group is rolled back
            // and runs again without deferring, as for a count that differs. Skipping the
            // speculative insertion saves an index probe and a WAL record per row.
            + (st.deferring() ? "" : " ON CONFLICT (run_id, event_id) DO NOTHING"));
    int inserted =
        st.update(
            sql.toString(),
            runId,
            events.size(),
            insert -> {
              int p = bindEventRows(insert, runId, events);
              insert.setString(p++, runId);
              insert.setLong(p, events.get(0).eventId() - 1);
            },
            "history",
            "paused_runs");
    return inserted == events.size();
  }

  private String describeCursor(String runId, long expected, Statements st) throws SQLException {
    PreparedStatement ps =
        st.prepare(
            "SELECT (SELECT 1 FROM runs WHERE run_id = ?),"
                + " (SELECT MAX(event_id) FROM history WHERE run_id = ?)");
    ps.setString(1, runId);
    ps.setString(2, runId);
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      if (rs.getObject(1) == null) {
        return "run " + runId + " does not exist";
      }
      return "run "
          + runId
          + " has next event ID "
          + (rs.getLong(2) + 1)
          + ", expected "
          + expected;
    }
  }

  private void closeRun(Write.CloseRun w, Statements st, Notifications notes)
      throws SQLException, ConflictException {
    String lockedInboxAfter = dialect.lockRunInboxAfterFunction();
    boolean checkInbox = w.consumedInboxId() != Long.MAX_VALUE;
    if (st.deferring() && lockedInboxAfter != null) {
      // one deferred statement; a run not running, or a newer inbox event, fails the count and
      // the group runs again without deferring, where the conflict names which
      st.update(
          "UPDATE runs SET status = ?, close_time = ? WHERE run_id = ? AND status = 'RUNNING'"
              + (checkInbox ? " AND NOT " + lockedInboxAfter + "(run_id, ?)" : ""),
          w.runId(),
          1,
          ps -> {
            ps.setString(1, w.status().name());
            Millis.set(ps, 2, w.closeTime());
            ps.setString(3, w.runId());
            if (checkInbox) {
              ps.setLong(4, w.consumedInboxId());
            }
          },
          "runs",
          "inbox");
      clearClosedRun(w, st, notes);
      return;
    }
    // the update locks the run's row (as lockRun would) before the inbox is read
    PreparedStatement ps =
        st.prepare(
            "UPDATE runs SET status = ?, close_time = ? WHERE run_id = ? AND status = 'RUNNING'",
            w.runId(),
            "runs");
    ps.setString(1, w.status().name());
    Millis.set(ps, 2, w.closeTime());
    ps.setString(3, w.runId());
    if (ps.executeUpdate() == 0) {
      throw new ConflictException(w, "run " + w.runId() + " is not running");
    }
    if (checkInbox && hasInboxAfter(w.runId(), w.consumedInboxId(), st)) {
      throw new ConflictException(
          w, "run " + w.runId() + " received events its closing workflow task did not see");
    }
    clearClosedRun(w, st, notes);
  }

  /** Deletes what a run keeps only while it runs: which node has it, and its pause. */
  private void clearClosedRun(Write.CloseRun w, Statements st, Notifications notes)
      throws SQLException {
    if (!exclusive) {
      deleteRunRows(w.runId(), st, "run_affinity", "paused_runs");
      notes.runClosed(w.runId());
      return;
    }
    deleteRunRows(w.runId(), st, "run_affinity");
    if (mayBePaused(st) && update(st, "DELETE FROM paused_runs WHERE run_id = ?", w.runId()) > 0) {
      anyPausedRun = null;
    }
    notes.runClosed(w.runId());
  }

  /**
   * Whether some run may be paused. A store this process owns knows it without a read once it has
   * looked (only this process pauses runs); a shared store always looks at the run itself.
   */
  private boolean mayBePaused(Statements st) throws SQLException {
    if (!exclusive) {
      return true;
    }
    if (anyPausedRun == null) {
      try (ResultSet rs = st.prepare("SELECT EXISTS (SELECT 1 FROM paused_runs)").executeQuery()) {
        rs.next();
        anyPausedRun = rs.getBoolean(1);
      }
    }
    return anyPausedRun;
  }

  private void pauseRun(Write.PauseRun w, Statements st) throws SQLException, ConflictException {
    lockRun(w.runId(), st);
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
    anyPausedRun = true;
  }

  private void resumeRun(Write.ResumeRun w, Statements st, Notifications notes)
      throws SQLException, ConflictException {
    lockRun(w.runId(), st);
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
    anyPausedRun = null;
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

  private void insertInbox(Write.InsertInbox w, Statements st)
      throws SQLException, ConflictException {
    lockRun(w.runId(), st);
    PreparedStatement ps =
        st.prepare(
            "INSERT INTO inbox (run_id, event_type, event_time, data) SELECT ?, ?, ?, ?"
                + " WHERE EXISTS (SELECT 1 FROM runs WHERE run_id = ? AND status = 'RUNNING')");
    ps.setString(1, w.runId());
    ps.setString(2, w.type());
    Millis.set(ps, 3, w.time());
    ps.setBytes(4, w.data());
    ps.setString(5, w.runId());
    if (ps.executeUpdate() == 0) {
      throw new ConflictException(w, "run " + w.runId() + " is not running");
    }
  }

  private void ensureWorkflowTask(Write.EnsureWorkflowTask w, Statements st, Notifications notes)
      throws SQLException {
    TaskLease lease = w.lease();
    TaskScheduling known = newRuns.remove(w.runId());
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
    double pass = lease == null ? passes.next(TaskKind.WORKFLOW, w.taskQueue(), scheduling, st) : 0;
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
      notes.tasksReady(
          TaskKind.WORKFLOW, w.taskQueue(), lease == null ? w.visibleAt() : lease.until());
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

  /** Gives a task that goes back into its queue a new pass (the back of its key's line). */
  private double requeuePass(
      TaskKind kind, String taskQueue, String table, String where, Statements st, Object... args)
      throws SQLException {
    PreparedStatement ps =
        st.prepare(
            "SELECT priority, fairness_key, fairness_weight FROM " + table + " WHERE " + where);
    for (int i = 0; i < args.length; i++) {
      ps.setObject(i + 1, args[i]);
    }
    TaskScheduling scheduling;
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return 0;
      }
      scheduling = new TaskScheduling(rs.getInt(1), rs.getString(2), rs.getDouble(3));
    }
    return passes.next(kind, taskQueue, scheduling, st);
  }

  private void completeWorkflowTask(
      Write.CompleteWorkflowTask w, Statements st, Notifications notes)
      throws SQLException, ConflictException {
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
    lockRun(w.runId(), st);
    boolean rearm = hasInboxAfter(w.runId(), w.consumedInboxId(), st);
    int rows;
    if (rearm) {
      double pass =
          requeuePass(
              TaskKind.WORKFLOW,
              w.taskQueue(),
              "workflow_tasks",
              "run_id = ? AND lease_token = ? AND lease_owner IS NOT NULL",
              st,
              w.runId(),
              w.leaseToken());
      PreparedStatement ps =
          st.prepare(
              "UPDATE workflow_tasks SET lease_owner = NULL, lease_token = 0, visible_at = ?,"
                  + " attempt = 1, last_failure = NULL, pass = ?,"
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
      notes.tasksReady(TaskKind.WORKFLOW, w.taskQueue(), w.now());
    }
  }

  private void failWorkflowTask(Write.FailWorkflowTask w, Statements st, Notifications notes)
      throws SQLException, ConflictException {
    double pass =
        requeuePass(
            TaskKind.WORKFLOW,
            w.taskQueue(),
            "workflow_tasks",
            "run_id = ? AND lease_token = ? AND lease_owner IS NOT NULL",
            st,
            w.runId(),
            w.leaseToken());
    PreparedStatement ps =
        st.prepare(
            "UPDATE workflow_tasks SET lease_owner = NULL, lease_token = 0, visible_at = ?,"
                + " attempt = attempt + 1, last_failure = ?, pass = ? WHERE run_id = ?"
                + " AND lease_token = ? AND lease_owner IS NOT NULL");
    Millis.set(ps, 1, w.retryAt());
    ps.setString(2, w.failure());
    ps.setDouble(3, pass);
    ps.setString(4, w.runId());
    ps.setLong(5, w.leaseToken());
    if (ps.executeUpdate() == 0) {
      throw new ConflictException(
          w, "workflow task of run " + w.runId() + " is no longer leased by this worker");
    }
    notes.tasksReady(TaskKind.WORKFLOW, w.taskQueue(), w.retryAt());
  }

  private void insertActivityTask(Write.InsertActivityTask w, Statements st, Notifications notes)
      throws SQLException {
    ActivityTaskRecord t = w.task();
    TaskLease lease = w.lease();
    double pass =
        lease == null ? passes.next(TaskKind.ACTIVITY, t.taskQueue(), t.scheduling(), st) : 0;
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

  private void completeActivityTask(Write.CompleteActivityTask w, Statements st)
      throws SQLException, ConflictException {
    int rows =
        st.update(
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

  private void retryActivityTask(Write.RetryActivityTask w, Statements st, Notifications notes)
      throws SQLException, ConflictException {
    double pass =
        requeuePass(
            TaskKind.ACTIVITY,
            w.taskQueue(),
            "activity_tasks",
            "run_id = ? AND seq = ? AND lease_token = ? AND lease_owner IS NOT NULL",
            st,
            w.runId(),
            w.seq(),
            w.leaseToken());
    PreparedStatement ps =
        st.prepare(
            "UPDATE activity_tasks SET lease_owner = NULL, lease_token = 0, started_at = NULL,"
                + " lease_until = NULL, visible_at = ?, last_failure = ?,"
                + " heartbeat_details = COALESCE(?, heartbeat_details), pass = ?"
                + " WHERE run_id = ? AND seq = ? AND lease_token = ? AND lease_owner IS NOT NULL");
    Millis.set(ps, 1, w.visibleAt());
    ps.setBytes(2, w.lastFailure());
    ps.setBytes(3, w.heartbeatDetails());
    ps.setDouble(4, pass);
    ps.setString(5, w.runId());
    ps.setLong(6, w.seq());
    ps.setLong(7, w.leaseToken());
    if (ps.executeUpdate() == 0) {
      throw new ConflictException(
          w, "activity " + w.seq() + " of run " + w.runId() + " is no longer held by this attempt");
    }
    notes.tasksReady(TaskKind.ACTIVITY, w.taskQueue(), w.visibleAt());
  }

  private void insertTimer(Write.InsertTimer w, Statements st, Notifications notes)
      throws SQLException {
    PreparedStatement ps = st.prepare("INSERT INTO timers (run_id, seq, fire_at) VALUES (?, ?, ?)");
    ps.setString(1, w.timer().runId());
    ps.setLong(2, w.timer().seq());
    Millis.set(ps, 3, w.timer().fireAt());
    ps.executeUpdate();
    notes.dueAt(w.timer().fireAt());
  }

  private void deleteTimer(Write.DeleteTimer w, Statements st)
      throws SQLException, ConflictException {
    int rows;
    if (w.required()) {
      // firing a timer: several nodes' due loops may race for it; the one that cannot have the
      // row at once loses (a conflict) instead of waiting for the winner's transaction
      rows =
          update(
              st,
              "DELETE FROM timers WHERE run_id = ? AND seq = ? AND seq IN (SELECT seq FROM timers"
                  + " WHERE run_id = ? AND seq = ?"
                  + dialect.claimLockClause()
                  + ")",
              w.runId(),
              w.seq(),
              w.runId(),
              w.seq());
    } else {
      rows = update(st, "DELETE FROM timers WHERE run_id = ? AND seq = ?", w.runId(), w.seq());
    }
    if (rows == 0 && w.required()) {
      throw new ConflictException(
          w, "timer " + w.seq() + " of run " + w.runId() + " does not exist");
    }
  }

  /** Locks the run's row till the end of the transaction, where the dialect needs it. */
  private void lockRun(String runId, Statements st) throws SQLException {
    String sql = dialect.lockRunStatement();
    if (sql != null) {
      PreparedStatement ps = st.prepare(sql, runId, "runs");
      ps.setString(1, runId);
      ps.executeQuery().close();
    }
  }

  /** Whether the run's inbox holds an event after {@code inboxId}. */
  private static boolean hasInboxAfter(String runId, long inboxId, Statements st)
      throws SQLException {
    PreparedStatement newer =
        st.prepare("SELECT 1 FROM inbox WHERE run_id = ? AND inbox_id > ? LIMIT 1", runId, "inbox");
    newer.setString(1, runId);
    newer.setLong(2, inboxId);
    try (ResultSet rs = newer.executeQuery()) {
      return rs.next();
    }
  }

  private static boolean isRunning(String runId, Statements st) throws SQLException {
    PreparedStatement ps = st.prepare("SELECT status FROM runs WHERE run_id = ?");
    ps.setString(1, runId);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() && RunStatus.RUNNING.name().equals(rs.getString(1));
    }
  }

  private void deleteRunTasks(String runId, Statements st) throws SQLException {
    deleteRunRows(runId, st, RUN_TASK_TABLES);
  }

  /** The tables of a run's pending work, cleared when it closes. */
  private static final String[] RUN_TASK_TABLES = {
    "workflow_tasks", "activity_tasks", "timers", "inbox", "run_affinity"
  };

  /** Deletes a closed run's rows, its own row last; a missing run is left as it is. */
  private void deleteRun(Write.DeleteRun w, Statements st) throws SQLException, ConflictException {
    PreparedStatement ps = st.prepare("SELECT status FROM runs WHERE run_id = ?");
    ps.setString(1, w.runId());
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return;
      }
      if (RunStatus.RUNNING.name().equals(rs.getString(1))) {
        throw new ConflictException(w, "run " + w.runId() + " is running");
      }
    }
    update(st, "DELETE FROM history WHERE run_id = ?", w.runId());
    deleteRunTasks(w.runId(), st);
    update(st, "DELETE FROM search_attributes WHERE run_id = ?", w.runId());
    update(st, "DELETE FROM update_outcomes WHERE run_id = ?", w.runId());
    update(st, "DELETE FROM runs WHERE run_id = ?", w.runId());
  }

  /** Names an activity task's row of its run, for {@link Statements#update}. */
  private static String activityRow(long seq) {
    return "activity_tasks " + seq;
  }

  /**
   * Deletes every row of a run from tables whose rows are keyed by run: now, or with the writer's
   * deferred updates (the count does not matter); with one statement where the dialect allows
   * deletes in a WITH clause. Once per batch: a closing run's batch clears some tables twice
   * (closing it, then deleting its tasks), and nothing in between adds rows there.
   */
  private void deleteRunRows(String runId, Statements st, String... tables) throws SQLException {
    List<String> todo = new ArrayList<>(tables.length);
    for (String table : tables) {
      if (clearedRunRows.add(runId + ' ' + table)) {
        todo.add(table);
      }
    }
    if (todo.isEmpty()) {
      return;
    }
    if (!dialect.deletesInWith()) {
      for (String table : todo) {
        st.update(
            "DELETE FROM " + table + " WHERE run_id = ?",
            runId,
            Statements.ANY_COUNT,
            ps -> ps.setString(1, runId),
            table);
      }
      return;
    }
    StringBuilder sql = new StringBuilder();
    for (int i = 0; i < todo.size() - 1; i++) {
      sql.append(i == 0 ? "WITH " : ", ")
          .append("d")
          .append(i)
          .append(" AS (DELETE FROM ")
          .append(todo.get(i))
          .append(" WHERE run_id = ?)");
    }
    sql.append(todo.size() > 1 ? " " : "")
        .append("DELETE FROM ")
        .append(todo.get(todo.size() - 1))
        .append(" WHERE run_id = ?");
    int params = todo.size();
    st.update(
        sql.toString(),
        runId,
        Statements.ANY_COUNT,
        ps -> {
          for (int p = 1; p <= params; p++) {
            ps.setString(p, runId);
          }
        },
        todo.toArray(String[]::new));
  }

  private static int update(Statements st, String sql, Object... params) throws SQLException {
    PreparedStatement ps = st.prepare(sql);
    for (int i = 0; i < params.length; i++) {
      ps.setObject(i + 1, params[i]);
    }
    return ps.executeUpdate();
  }
}
