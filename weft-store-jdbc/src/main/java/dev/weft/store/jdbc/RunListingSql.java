package dev.weft.store.jdbc;

import dev.weft.store.RunField;
import dev.weft.store.RunOrder;
import dev.weft.store.RunQuery;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the SQL of {@code listRuns} and {@code countRuns}: the namespace, the simple conditions
 * and the filter (through {@link FilterSql}), the order and the page. Public so that each store's
 * tests can check the plans their database makes of it.
 */
public final class RunListingSql {
  private RunListingSql() {}

  /**
   * Returns the statement that lists a page of a query: it selects {@code pageSize + 1} runs (one
   * more tells whether another page follows), with the columns of a run record.
   *
   * @throws IllegalArgumentException if the query's page token is malformed or belongs to a listing
   *     in another order
   */
  public static SqlStatement list(RunQuery query, Dialect dialect) {
    FilterSql filter = new FilterSql(dialect);
    List<Object> where = new ArrayList<>();
    StringBuilder conditions = conditions(query, filter, where);
    StringBuilder tail = new StringBuilder();
    List<Object> tailParameters = new ArrayList<>();
    boolean keyset = query.hasDefaultOrder();
    PageToken token = query.pageToken() == null ? null : PageToken.parse(query);
    if (keyset) {
      if (token instanceof PageToken.Keyset k) {
        conditions.append(" AND (r.start_time < ? OR (r.start_time = ? AND r.run_id < ?))");
        where.add(k.startMillis());
        where.add(k.startMillis());
        where.add(k.runId());
      }
      tail.append(" ORDER BY r.start_time DESC, r.run_id DESC LIMIT ?");
      tailParameters.add(query.pageSize() + 1);
    } else {
      tail.append(" ORDER BY ");
      boolean byRunId = false;
      for (RunOrder order : query.orderBy()) {
        tail.append(filter.column(order.field())).append(order.ascending() ? " ASC" : " DESC");
        if (FilterSql.nullable(order.field())) {
          tail.append(" NULLS LAST");
        }
        tail.append(", ");
        byRunId |= order.field() == RunField.BuiltIn.RUN_ID;
      }
      if (byRunId) {
        tail.setLength(tail.length() - 2);
      } else {
        tail.append("r.run_id DESC");
      }
      tail.append(" LIMIT ? OFFSET ?");
      tailParameters.add(query.pageSize() + 1);
      tailParameters.add(token instanceof PageToken.Offset o ? o.offset() : 0L);
    }
    List<Object> parameters = new ArrayList<>(filter.joinParameters());
    parameters.addAll(where);
    parameters.addAll(tailParameters);
    return new SqlStatement(
        "SELECT " + Rows.RUN_COLUMNS + Rows.RUN_FROM + filter.joins() + conditions + tail,
        parameters);
  }

  /** Returns the statement that counts the runs of a query (page and order ignored). */
  public static SqlStatement count(RunQuery query, Dialect dialect) {
    FilterSql filter = new FilterSql(dialect);
    List<Object> where = new ArrayList<>();
    StringBuilder conditions = conditions(query, filter, where);
    List<Object> parameters = new ArrayList<>(filter.joinParameters());
    parameters.addAll(where);
    return new SqlStatement(
        "SELECT COUNT(*) FROM runs r" + filter.joins() + conditions, parameters);
  }

  /**
   * Returns the statement that counts the runs of a query by status: rows of ({@code status},
   * {@code count}), one per status that has runs (page and order ignored).
   */
  public static SqlStatement countByStatus(RunQuery query, Dialect dialect) {
    FilterSql filter = new FilterSql(dialect);
    List<Object> where = new ArrayList<>();
    StringBuilder conditions = conditions(query, filter, where);
    List<Object> parameters = new ArrayList<>(filter.joinParameters());
    parameters.addAll(where);
    return new SqlStatement(
        "SELECT r.status, COUNT(*) FROM runs r"
            + filter.joins()
            + conditions
            + " GROUP BY r.status",
        parameters);
  }

  /** Returns the next page's token after a page whose last run is given. */
  static String nextToken(RunQuery query, String lastRunId, long lastStartMillis) {
    if (query.hasDefaultOrder()) {
      return new PageToken.Keyset(lastStartMillis, lastRunId).format();
    }
    long offset =
        query.pageToken() == null ? 0 : ((PageToken.Offset) PageToken.parse(query)).offset();
    return new PageToken.Offset(offset + query.pageSize(), PageToken.orderKey(query)).format();
  }

  private static StringBuilder conditions(RunQuery q, FilterSql filter, List<Object> where) {
    StringBuilder sql = new StringBuilder(" WHERE r.namespace = ?");
    where.add(q.namespace());
    if (q.status() != null) {
      sql.append(" AND r.status = ?");
      where.add(q.status().name());
    }
    if (q.workflowType() != null) {
      sql.append(" AND r.workflow_type = ?");
      where.add(q.workflowType());
    }
    if (q.workflowId() != null) {
      sql.append(" AND r.workflow_id = ?");
      where.add(q.workflowId());
    }
    if (q.filter() != null) {
      sql.append(" AND ");
      filter.condition(q.filter(), sql, where);
    }
    return sql;
  }
}
