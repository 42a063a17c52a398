package dev.weft.store.jdbc;

import dev.weft.store.ActivityTaskRecord;
import dev.weft.store.ActivityTaskState;
import dev.weft.store.ClaimRequest;
import dev.weft.store.HeartbeatResult;
import dev.weft.store.TaskKind;
import dev.weft.store.WorkflowTaskRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Leasing of tasks: claims, heartbeats and the release of a dead process's leases. */
final class TaskClaims {
  private final Dialect dialect;

  private final PriorityLevels levels = new PriorityLevels();
  private final FairQueues fairQueues;

  TaskClaims(Dialect dialect, FairQueues fairQueues) {
    this.dialect = dialect;
    this.fairQueues = fairQueues;
  }

  List<WorkflowTaskRecord> claimWorkflowTasks(ClaimRequest req, Statements st) throws SQLException {
    QueueState queue = QueueState.read(req.taskQueue(), st);
    if (queue.paused()) {
      return List.of();
    }
    List<Candidate<WorkflowTaskRecord>> found =
        pick(
            TaskKind.WORKFLOW,
            req,
            req.maxTasks(),
            (priority, limit) -> readWorkflowTasks(req, priority, limit, queue, st),
            c -> true,
            st);
    if (found.isEmpty()) {
      return List.of();
    }
    Instant leaseUntil = req.now().plus(req.lease());
    // one batch per statement: a round trip each where the driver pipelines batches
    PreparedStatement lease =
        st.prepare(
            "UPDATE workflow_tasks SET lease_owner = ?, lease_token = ?, visible_at = ?"
                + " WHERE run_id = ?");
    PreparedStatement affinity = req.sticky() ? st.prepare(REMEMBER_AFFINITY) : null;
    List<WorkflowTaskRecord> claimed = new ArrayList<>(found.size());
    try {
      for (Candidate<WorkflowTaskRecord> c : found) {
        WorkflowTaskRecord t = c.task();
        lease.setString(1, req.owner());
        lease.setLong(2, req.leaseToken());
        Millis.set(lease, 3, leaseUntil);
        lease.setString(4, t.runId());
        lease.addBatch();
        if (affinity != null) {
          // records that the owner now has the run (a write only when the owner changes)
          affinity.setString(1, t.runId());
          affinity.setString(2, req.owner());
          affinity.addBatch();
        }
        claimed.add(
            new WorkflowTaskRecord(
                t.runId(),
                t.taskQueue(),
                leaseUntil,
                t.attempt(),
                t.lastFailure(),
                req.owner(),
                req.leaseToken()));
      }
      lease.executeBatch();
      if (affinity != null) {
        affinity.executeBatch();
      }
    } finally {
      clearBatches(lease, affinity);
    }
    return claimed;
  }

  /** Drops what a batch that failed half-way left on the cached statements. */
  private static void clearBatches(PreparedStatement... statements) throws SQLException {
    for (PreparedStatement ps : statements) {
      if (ps != null) {
        ps.clearBatch();
      }
    }
  }

  /**
   * What a claim must know of its queue's settings, read in one statement: whether the queue is
   * paused, whether any run or any of its activity types is paused, and whether it has limits.
   */
  record QueueState(boolean paused, boolean anyPausedRun, boolean anyPausedType, boolean anyLimit) {
    static QueueState read(String taskQueue, Statements st) throws SQLException {
      PreparedStatement ps =
          st.prepare(
              "SELECT EXISTS (SELECT 1 FROM paused_queues WHERE task_queue = ?),"
                  + " EXISTS (SELECT 1 FROM paused_runs),"
                  + " EXISTS (SELECT 1 FROM paused_activity_types WHERE task_queue = ?),"
                  + " EXISTS (SELECT 1 FROM queue_rates WHERE task_queue = ?),"
                  + " EXISTS (SELECT 1 FROM key_limits WHERE task_queue = ?)");
      for (int i = 1; i <= 4; i++) {
        ps.setString(i, taskQueue);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new QueueState(
            rs.getBoolean(1),
            rs.getBoolean(2),
            rs.getBoolean(3),
            rs.getBoolean(4) || rs.getBoolean(5));
      }
    }
  }

  /** A ready task with what the claim orders and limits it by. */
  record Candidate<T>(T task, String id, int priority, String fairnessKey, double pass) {}

  private List<Candidate<WorkflowTaskRecord>> readWorkflowTasks(
      ClaimRequest req, int priority, int limit, QueueState queue, Statements st)
      throws SQLException {
    PreparedStatement select =
        st.prepare(
            ClaimSql.workflowTasks(priority > 0, req.sticky(), queue.anyPausedRun(), dialect));
    int p = 1;
    select.setString(p++, req.taskQueue());
    Millis.set(select, p++, req.now());
    if (priority > 0) {
      select.setInt(p++, priority);
    }
    if (req.sticky()) {
      // a task sticky to another owner waits for it, then falls back to anyone
      select.setString(p++, req.owner());
      Millis.set(select, p++, req.now().minus(req.stickyWait()));
    }
    select.setInt(p, limit);
    List<Candidate<WorkflowTaskRecord>> found = new ArrayList<>();
    try (ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        found.add(
            new Candidate<>(
                Rows.workflowTask(rs),
                rs.getString(1),
                rs.getInt(8),
                rs.getString(9),
                rs.getDouble(10)));
      }
    }
    return found;
  }

  private List<Candidate<ActivityTaskRecord>> readActivityTasks(
      ClaimRequest req,
      int priority,
      int limit,
      java.util.Set<String> blocked,
      QueueState queue,
      Statements st)
      throws SQLException {
    PreparedStatement select =
        st.prepare(
            ClaimSql.activityTasks(
                priority > 0,
                req.activityTypes().size(),
                blocked.size(),
                queue.anyPausedRun(),
                queue.anyPausedType(),
                dialect));
    int p = 1;
    select.setString(p++, req.taskQueue());
    Millis.set(select, p++, req.now());
    if (priority > 0) {
      select.setInt(p++, priority);
    }
    for (String type : req.activityTypes()) {
      select.setString(p++, type);
    }
    for (String key : blocked) {
      select.setString(p++, key);
    }
    select.setInt(p, limit);
    List<Candidate<ActivityTaskRecord>> found = new ArrayList<>();
    try (ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        ActivityTaskRecord t = Rows.activityTask(rs);
        found.add(
            new Candidate<>(
                t,
                t.runId() + "/" + t.seq(),
                t.scheduling().priority(),
                t.scheduling().fairnessKey(),
                rs.getDouble(20)));
      }
    }
    return found;
  }

  /** Reads the ready tasks of one level ({@code priority}), or of all levels with 0, in order. */
  interface Reader<T> {
    List<Candidate<T>> read(int priority, int limit) throws SQLException;
  }

  /**
   * Picks up to {@code max} tasks: first one task of each level whose turn has come ({@link
   * PriorityLevels}) while there is room, then the best tasks in (priority, pass) order. {@code
   * admit} may refuse a task (its key reached a limit during this claim); the claim then reads
   * again past it, a few times at most. Tells {@link FairQueues} what was handed out.
   */
  private <T> List<Candidate<T>> pick(
      TaskKind kind,
      ClaimRequest req,
      int max,
      Reader<T> reader,
      java.util.function.Predicate<Candidate<T>> admit,
      Statements st)
      throws SQLException {
    List<Candidate<T>> picked = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int level : levels.due(kind, req.taskQueue())) {
      if (picked.size() >= max) {
        break; // the level keeps its turn for the next claim
      }
      List<Candidate<T>> next = reader.read(level, 1);
      if (next.isEmpty()) {
        levels.nothingWaiting(kind, req.taskQueue(), level);
      }
      for (Candidate<T> c : next) {
        if (admit.test(c)) {
          picked.add(c);
          seen.add(c.id());
        }
      }
    }
    for (int round = 0; round < 3 && picked.size() < max; round++) {
      // tasks picked so far are not leased yet, so they come back: read past them
      int limit = max + seen.size();
      List<Candidate<T>> rows = reader.read(0, limit);
      boolean refused = false;
      for (Candidate<T> c : rows) {
        if (picked.size() >= max) {
          break;
        }
        if (!seen.add(c.id())) {
          continue;
        }
        if (admit.test(c)) {
          picked.add(c);
        } else {
          refused = true;
        }
      }
      if (!refused || rows.size() < limit) {
        break;
      }
    }
    if (!picked.isEmpty()) {
      levels.handedOut(kind, req.taskQueue(), picked, Candidate::priority);
      fairQueues.handedOut(kind, req.taskQueue(), picked, Candidate::priority, Candidate::pass);
    }
    return picked;
  }

  private static final String REMEMBER_AFFINITY =
      "INSERT INTO run_affinity (run_id, owner) VALUES (?, ?) ON CONFLICT (run_id)"
          + " DO UPDATE SET owner = excluded.owner WHERE run_affinity.owner <> excluded.owner";

  List<ActivityTaskState> claimActivityTasks(ClaimRequest req, Statements st, Notifications notes)
      throws SQLException {
    QueueState queue = QueueState.read(req.taskQueue(), st);
    if (queue.paused()) {
      return List.of();
    }
    ActivityLimits limits =
        queue.anyLimit()
            ? ActivityLimits.load(req.taskQueue(), req.now(), dialect, st)
            : ActivityLimits.none(req.taskQueue());
    int max = Math.min(req.maxTasks(), limits.queueBudget());
    if (max <= 0) {
      notes.tasksReady(TaskKind.ACTIVITY, req.taskQueue(), limits.nextQueueToken(req.now()));
      return List.of();
    }
    List<Candidate<ActivityTaskRecord>> picked =
        pick(
            TaskKind.ACTIVITY,
            req,
            max,
            (priority, limit) ->
                readActivityTasks(req, priority, limit, limits.blocked(), queue, st),
            c -> limits.admit(c.fairnessKey()),
            st);
    limits.save(picked.size(), req.now(), st);
    Instant recheck = limits.recheckAt(req.now(), picked.size() >= max && max < req.maxTasks(), st);
    if (recheck != null) {
      notes.tasksReady(TaskKind.ACTIVITY, req.taskQueue(), recheck);
    }
    if (picked.isEmpty()) {
      return List.of();
    }
    List<ActivityTaskRecord> found = new ArrayList<>(picked.size());
    for (Candidate<ActivityTaskRecord> c : picked) {
      found.add(c.task());
    }
    PreparedStatement lease =
        st.prepare(
            "UPDATE activity_tasks SET lease_owner = ?, lease_token = ?, started_at = ?,"
                + " lease_until = ?, attempt = attempt + 1 WHERE run_id = ? AND seq = ?");
    List<ActivityTaskState> claimed = new ArrayList<>(found.size());
    Instant earliest = null;
    try {
      for (ActivityTaskRecord t : found) {
        Instant leaseUntil = t.leaseUntil(req.now(), req.lease());
        lease.setString(1, req.owner());
        lease.setLong(2, req.leaseToken());
        Millis.set(lease, 3, req.now());
        Millis.set(lease, 4, leaseUntil);
        lease.setString(5, t.runId());
        lease.setLong(6, t.seq());
        lease.addBatch();
        ActivityTaskRecord attempt =
            new ActivityTaskRecord(
                t.runId(),
                t.seq(),
                t.taskQueue(),
                t.activityType(),
                t.attempt() + 1,
                t.visibleAt(),
                t.scheduleToCloseDeadline(),
                t.startToCloseTimeout(),
                t.heartbeatTimeout(),
                t.spec(),
                t.heartbeatDetails(),
                t.lastFailure(),
                t.scheduling());
        claimed.add(
            new ActivityTaskState(attempt, req.owner(), req.leaseToken(), req.now(), leaseUntil));
        if (earliest == null || leaseUntil.isBefore(earliest)) {
          earliest = leaseUntil;
        }
      }
      lease.executeBatch();
    } finally {
      clearBatches(lease);
    }
    notes.dueAt(earliest);
    return claimed;
  }

  HeartbeatResult recordHeartbeat(
      String runId, long seq, long leaseToken, byte[] details, Instant leaseUntil, Statements st)
      throws SQLException {
    PreparedStatement ps =
        st.prepare(
            "UPDATE activity_tasks SET heartbeat_details = ?, lease_until = ?"
                + " WHERE run_id = ? AND seq = ? AND lease_token = ? AND lease_owner IS NOT NULL"
                + " RETURNING cancel_requested");
    ps.setBytes(1, details);
    Millis.set(ps, 2, leaseUntil);
    ps.setString(3, runId);
    ps.setLong(4, seq);
    ps.setLong(5, leaseToken);
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return HeartbeatResult.LEASE_LOST;
      }
      return rs.getBoolean(1) ? HeartbeatResult.CANCEL_REQUESTED : HeartbeatResult.RECORDED;
    }
  }

  int expireLeasesOf(String owner, Instant now, Statements st, Notifications notes)
      throws SQLException {
    PreparedStatement workflows =
        st.prepare(
            "UPDATE workflow_tasks SET lease_owner = NULL, lease_token = 0, visible_at = ?"
                + " WHERE lease_owner = ?");
    Millis.set(workflows, 1, now);
    workflows.setString(2, owner);
    int count = workflows.executeUpdate();
    PreparedStatement activities =
        st.prepare("UPDATE activity_tasks SET lease_until = ? WHERE lease_owner = ?");
    Millis.set(activities, 1, now);
    activities.setString(2, owner);
    count += activities.executeUpdate();
    if (count > 0) {
      notes.dueAt(now);
    }
    return count;
  }

  int expireAllLeases(Instant now, Statements st, Notifications notes) throws SQLException {
    PreparedStatement workflows =
        st.prepare(
            "UPDATE workflow_tasks SET lease_owner = NULL, lease_token = 0, visible_at = ?"
                + " WHERE lease_owner IS NOT NULL");
    Millis.set(workflows, 1, now);
    int count = workflows.executeUpdate();
    PreparedStatement activities =
        st.prepare("UPDATE activity_tasks SET lease_until = ? WHERE lease_owner IS NOT NULL");
    Millis.set(activities, 1, now);
    count += activities.executeUpdate();
    // the owners runs were sticky to are gone with their process
    st.prepare("UPDATE workflow_tasks SET sticky_owner = NULL WHERE sticky_owner IS NOT NULL")
        .executeUpdate();
    st.prepare("DELETE FROM run_affinity").executeUpdate();
    notes.dueAt(now);
    return count;
  }
}
