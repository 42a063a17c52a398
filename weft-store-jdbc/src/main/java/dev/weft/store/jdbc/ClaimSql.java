package dev.weft.store.jdbc;

/**
 * The SQL of the claim reads, in one place so that a query-plan test can check what every store
 * does with it: read the queue's {@code (task_queue, priority, pass)} index in order and stop at
 * the limit, never sort the backlog. ({@code +visible_at} keeps the planner off the visibility
 * range, which would read every ready task and sort them.)
 */
public final class ClaimSql {
  private ClaimSql() {}

  /**
   * Ready workflow tasks of a queue in claim order. Parameters: queue, now, [priority], [owner,
   * sticky cutoff], limit.
   *
   * @param onePriority whether the read is of one priority level (an anti-starvation turn)
   * @param sticky whether tasks sticky to another owner wait for it
   * @param pausedRuns whether some run is paused (then their tasks are left out)
   */
  public static String workflowTasks(
      boolean onePriority, boolean sticky, boolean pausedRuns, Dialect dialect) {
    return "SELECT "
        + Rows.WORKFLOW_TASK_COLUMNS
        + ", priority, fairness_key, pass FROM workflow_tasks"
        + " WHERE task_queue = ? AND +visible_at <= ?"
        + (onePriority ? " AND priority = ?" : "")
        + (sticky ? " AND (sticky_owner IS NULL OR sticky_owner = ? OR visible_at <= ?)" : "")
        + (pausedRuns
            ? " AND NOT EXISTS (SELECT 1 FROM paused_runs p WHERE p.run_id = workflow_tasks.run_id)"
            : "")
        + " ORDER BY priority, pass LIMIT ?"
        + dialect.claimLockClause();
  }

  /**
   * Ready activity tasks of a queue in claim order. Parameters: queue, now, [priority], the
   * activity types, the blocked keys, limit.
   *
   * @param onePriority whether the read is of one priority level (an anti-starvation turn)
   * @param types how many activity types the claimer runs (0: any type)
   * @param blockedKeys how many keys are left out (at a limit)
   * @param pausedRuns whether some run is paused (then their tasks are left out)
   * @param pausedTypes whether some activity type of the queue is paused
   */
  public static String activityTasks(
      boolean onePriority,
      int types,
      int blockedKeys,
      boolean pausedRuns,
      boolean pausedTypes,
      Dialect dialect) {
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(Rows.ACTIVITY_TASK_COLUMNS)
            .append(" FROM activity_tasks WHERE task_queue = ? AND lease_owner IS NULL")
            .append(" AND +visible_at <= ?");
    if (onePriority) {
      sql.append(" AND priority = ?");
    }
    if (types > 0) {
      sql.append(" AND activity_type IN (").append("?, ".repeat(types - 1)).append("?)");
    }
    if (blockedKeys > 0) {
      sql.append(" AND fairness_key NOT IN (").append("?, ".repeat(blockedKeys - 1)).append("?)");
    }
    if (pausedRuns) {
      sql.append(
          " AND NOT EXISTS (SELECT 1 FROM paused_runs p WHERE p.run_id = activity_tasks.run_id)");
    }
    if (pausedTypes) {
      sql.append(" AND NOT EXISTS (SELECT 1 FROM paused_activity_types x")
          .append(" WHERE x.task_queue = activity_tasks.task_queue")
          .append(" AND x.activity_type = activity_tasks.activity_type)");
    }
    return sql.append(" ORDER BY priority, pass LIMIT ?")
        .append(dialect.claimLockClause())
        .toString();
  }
}
