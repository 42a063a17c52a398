package dev.weft.store.jdbc;

import dev.weft.common.WorkflowStatus;
import dev.weft.store.Pause;
import dev.weft.store.RunPage;
import dev.weft.store.RunQuery;
import dev.weft.store.RunRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the listing and counting statements of {@link RunListingSql}. */
final class RunListing {
  private final Dialect dialect;

  RunListing(Dialect dialect) {
    this.dialect = dialect;
  }

  RunPage list(RunQuery query, Statements st) throws SQLException {
    PreparedStatement ps = prepare(RunListingSql.list(query, dialect), st);
    List<RunRecord> runs = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        runs.add(Rows.run(rs));
      }
    }
    String next = null;
    if (runs.size() > query.pageSize()) {
      runs.remove(runs.size() - 1);
      RunRecord last = runs.get(runs.size() - 1);
      next = RunListingSql.nextToken(query, last.runId(), last.startTime().toEpochMilli());
    }
    return new RunPage(runs, next, pauses(runs, st));
  }

  /** Reads the pauses of the listed runs that still run (a closed run has none). */
  private static Map<String, Pause> pauses(List<RunRecord> runs, Statements st)
      throws SQLException {
    List<String> running =
        runs.stream()
            .filter(r -> r.status() == WorkflowStatus.RUNNING)
            .map(RunRecord::runId)
            .toList();
    if (running.isEmpty()) {
      return Map.of();
    }
    StringBuilder sql =
        new StringBuilder(
            "SELECT run_id, paused_at, reason, identity FROM paused_runs WHERE run_id IN (");
    for (int i = 0; i < running.size(); i++) {
      sql.append(i == 0 ? "?" : ", ?");
    }
    PreparedStatement ps = st.prepare(sql.append(')').toString());
    for (int i = 0; i < running.size(); i++) {
      ps.setString(i + 1, running.get(i));
    }
    Map<String, Pause> pauses = new HashMap<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        pauses.put(rs.getString(1), FlowControlSql.pause(rs, 2));
      }
    }
    return pauses;
  }

  long count(RunQuery query, Statements st) throws SQLException {
    PreparedStatement ps = prepare(RunListingSql.count(query, dialect), st);
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  Map<WorkflowStatus, Long> countByStatus(RunQuery query, Statements st) throws SQLException {
    PreparedStatement ps = prepare(RunListingSql.countByStatus(query, dialect), st);
    Map<WorkflowStatus, Long> counts = new EnumMap<>(WorkflowStatus.class);
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        counts.put(WorkflowStatus.valueOf(rs.getString(1)), rs.getLong(2));
      }
    }
    return counts;
  }

  private static PreparedStatement prepare(SqlStatement statement, Statements st)
      throws SQLException {
    PreparedStatement ps = st.prepare(statement.sql());
    List<Object> parameters = statement.parameters();
    for (int i = 0; i < parameters.size(); i++) {
      ps.setObject(i + 1, parameters.get(i));
    }
    return ps;
  }
}
