package dev.weft.store.jdbc;

import dev.weft.store.RunPage;
import dev.weft.store.RunQuery;
import dev.weft.store.RunRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

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
    return new RunPage(runs, next);
  }

  long count(RunQuery query, Statements st) throws SQLException {
    PreparedStatement ps = prepare(RunListingSql.count(query, dialect), st);
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
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
