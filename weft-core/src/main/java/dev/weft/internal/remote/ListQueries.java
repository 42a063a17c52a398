package dev.weft.internal.remote;

import dev.weft.client.WorkflowFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link WorkflowFilter} as one query of the list language, the API's only filter: its status,
 * type and workflow ID become conditions ANDed with the filter's own condition, and the filter's
 * ORDER BY stays last.
 */
final class ListQueries {
  private ListQueries() {}

  static String of(WorkflowFilter f) {
    List<String> conditions = new ArrayList<>();
    if (f.status() != null) {
      conditions.add("ExecutionStatus = " + quoted(f.status().name()));
    }
    if (f.workflowType() != null) {
      conditions.add("WorkflowType = " + quoted(f.workflowType()));
    }
    if (f.workflowId() != null) {
      conditions.add("WorkflowId = " + quoted(f.workflowId()));
    }
    String query = f.query() == null ? "" : f.query().strip();
    if (conditions.isEmpty()) {
      return query.isEmpty() ? null : query;
    }
    int orderBy = orderByAt(query);
    String condition = (orderBy < 0 ? query : query.substring(0, orderBy)).strip();
    String order = orderBy < 0 ? "" : " " + query.substring(orderBy);
    if (!condition.isEmpty()) {
      conditions.add("(" + condition + ")");
    }
    return String.join(" AND ", conditions) + order;
  }

  /** Where the query's ORDER BY starts (outside quotes), or -1. */
  static int orderByAt(String query) {
    char quote = 0;
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
      } else if ((i == 0 || !Character.isLetterOrDigit(query.charAt(i - 1)))
          && query.regionMatches(true, i, "ORDER", 0, 5)
          && query.substring(i + 5).stripLeading().regionMatches(true, 0, "BY", 0, 2)) {
        return i;
      }
    }
    return -1;
  }

  private static String quoted(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
  }
}
