package dev.weft.store.jdbc;

import dev.weft.store.ActivityTaskRecord;
import dev.weft.store.ActivityTaskState;
import dev.weft.store.ClaimRequest;
import dev.weft.store.HeartbeatResult;
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

  TaskClaims(Dialect dialect) {
    this.dialect = dialect;
  }

  List<WorkflowTaskRecord> claimWorkflowTasks(ClaimRequest req, Statements st) throws SQLException {
    PreparedStatement select =
        st.prepare(
            "SELECT "
                + Rows.WORKFLOW_TASK_COLUMNS
                + " FROM workflow_tasks WHERE task_queue = ? AND visible_at <= ?"
                + (req.sticky()
                    ? " AND (sticky_owner IS NULL OR sticky_owner = ? OR visible_at <= ?)"
                    : "")
                + " ORDER BY visible_at LIMIT ?"
                + dialect.claimLockClause());
    int p = 1;
    select.setString(p++, req.taskQueue());
    Millis.set(select, p++, req.now());
    if (req.sticky()) {
      // a task sticky to another owner waits for it, then falls back to anyone
      select.setString(p++, req.owner());
      Millis.set(select, p++, req.now().minus(req.stickyWait()));
    }
    select.setInt(p, req.maxTasks());
    List<WorkflowTaskRecord> found = new ArrayList<>();
    try (ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        found.add(Rows.workflowTask(rs));
      }
    }
    if (found.isEmpty()) {
      return found;
    }
    Instant leaseUntil = req.now().plus(req.lease());
    PreparedStatement lease =
        st.prepare(
            "UPDATE workflow_tasks SET lease_owner = ?, lease_token = ?, visible_at = ?"
                + " WHERE run_id = ?");
    List<WorkflowTaskRecord> claimed = new ArrayList<>(found.size());
    for (WorkflowTaskRecord t : found) {
      lease.setString(1, req.owner());
      lease.setLong(2, req.leaseToken());
      Millis.set(lease, 3, leaseUntil);
      lease.setString(4, t.runId());
      lease.executeUpdate();
      if (req.sticky()) {
        rememberAffinity(t.runId(), req.owner(), st);
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
    return claimed;
  }

  /** Records that {@code owner} now has the run (a write only when the owner changes). */
  private static void rememberAffinity(String runId, String owner, Statements st)
      throws SQLException {
    PreparedStatement ps =
        st.prepare(
            "INSERT INTO run_affinity (run_id, owner) VALUES (?, ?) ON CONFLICT (run_id)"
                + " DO UPDATE SET owner = excluded.owner WHERE run_affinity.owner <> excluded.owner");
    ps.setString(1, runId);
    ps.setString(2, owner);
    ps.executeUpdate();
  }

  List<ActivityTaskState> claimActivityTasks(ClaimRequest req, Statements st, Notifications notes)
      throws SQLException {
    PreparedStatement select =
        st.prepare(
            "SELECT "
                + Rows.ACTIVITY_TASK_COLUMNS
                + " FROM activity_tasks WHERE task_queue = ? AND lease_owner IS NULL"
                + " AND visible_at <= ? ORDER BY visible_at LIMIT ?"
                + dialect.claimLockClause());
    select.setString(1, req.taskQueue());
    Millis.set(select, 2, req.now());
    select.setInt(3, req.maxTasks());
    List<ActivityTaskRecord> found = new ArrayList<>();
    try (ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        found.add(Rows.activityTask(rs));
      }
    }
    if (found.isEmpty()) {
      return List.of();
    }
    PreparedStatement lease =
        st.prepare(
            "UPDATE activity_tasks SET lease_owner = ?, lease_token = ?, started_at = ?,"
                + " lease_until = ?, attempt = attempt + 1 WHERE run_id = ? AND seq = ?");
    List<ActivityTaskState> claimed = new ArrayList<>(found.size());
    Instant earliest = null;
    for (ActivityTaskRecord t : found) {
      Instant leaseUntil = t.leaseUntil(req.now(), req.lease());
      lease.setString(1, req.owner());
      lease.setLong(2, req.leaseToken());
      Millis.set(lease, 3, req.now());
      Millis.set(lease, 4, leaseUntil);
      lease.setString(5, t.runId());
      lease.setLong(6, t.seq());
      lease.executeUpdate();
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
              t.lastFailure());
      claimed.add(
          new ActivityTaskState(attempt, req.owner(), req.leaseToken(), req.now(), leaseUntil));
      if (earliest == null || leaseUntil.isBefore(earliest)) {
        earliest = leaseUntil;
      }
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
                + " WHERE run_id = ? AND seq = ? AND lease_token = ? AND lease_owner IS NOT NULL");
    ps.setBytes(1, details);
    Millis.set(ps, 2, leaseUntil);
    ps.setString(3, runId);
    ps.setLong(4, seq);
    ps.setLong(5, leaseToken);
    return ps.executeUpdate() > 0 ? HeartbeatResult.RECORDED : HeartbeatResult.LEASE_LOST;
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
