package dev.weft.store.jdbc;

import java.time.Instant;
import java.util.List;

/**
 * The SQL of {@code findRunsClosedBefore}, the query retention runs. Public so that each store's
 * tests can check the plan their database makes of it: a range of an index on {@code (namespace,
 * close_time, run_id)} holding only closed runs, read in order (oldest close first, no sort) and
 * stopped after {@code limit} entries.
 */
public final class RetentionSql {
  private RetentionSql() {}

  /**
   * Returns the statement that selects the IDs of a namespace's closed runs closed before a cutoff,
   * oldest close first (ties in run ID order), at most {@code limit}.
   */
  public static SqlStatement closedBefore(String namespace, Instant closedBefore, int limit) {
    // the status condition is written exactly as in the partial index's WHERE, so that the
    // database can use the index
    return new SqlStatement(
        "SELECT run_id FROM runs WHERE namespace = ? AND status <> 'RUNNING' AND close_time < ?"
            + " ORDER BY close_time, run_id LIMIT ?",
        List.of(namespace, closedBefore.toEpochMilli(), limit));
  }
}
