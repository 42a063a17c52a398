package dev.weft.store.jdbc;

import dev.weft.common.SearchAttributeType;
import dev.weft.common.WorkflowStatus;
import dev.weft.store.RunField;
import dev.weft.store.RunFilter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates a {@link RunFilter} and the columns of an order into SQL over {@code runs r}: every
 * value is a bound parameter, and each search attribute the query mentions is one {@code LEFT JOIN}
 * of {@code search_attributes} on the run, the name and the type (at most one row, by the primary
 * key). Not thread-safe: one instance builds one statement.
 *
 * <p>A predicate on a run without a value is SQL's unknown; {@code NOT} turns unknown into false
 * before negating ({@code NOT COALESCE(x, FALSE)}), so that it is the exact complement of what it
 * negates, as {@link RunFilter} specifies.
 */
final class FilterSql {
  private final Dialect dialect;
  private final Map<RunField.Attribute, String> aliases = new LinkedHashMap<>();
  private final List<Object> joinParameters = new ArrayList<>();

  FilterSql(Dialect dialect) {
    this.dialect = dialect;
  }

  /** Appends the filter's condition to {@code sql} and its values to {@code parameters}. */
  void condition(RunFilter filter, StringBuilder sql, List<Object> parameters) {
    switch (filter) {
      case RunFilter.And and -> all(and.filters(), " AND ", sql, parameters);
      case RunFilter.Or or -> all(or.filters(), " OR ", sql, parameters);
      case RunFilter.Not not -> {
        sql.append("NOT COALESCE((");
        condition(not.filter(), sql, parameters);
        sql.append("), FALSE)");
      }
      case RunFilter.Comparison c -> comparison(c, sql, parameters);
      case RunFilter.In in when isKeywordList(in.field()) ->
          containsAny((RunField.Attribute) in.field(), in.values(), in.negated(), sql, parameters);
      case RunFilter.In in -> {
        sql.append(column(in.field())).append(in.negated() ? " NOT IN (" : " IN (");
        for (int i = 0; i < in.values().size(); i++) {
          sql.append(i == 0 ? "?" : ", ?");
          parameters.add(parameter(in.values().get(i)));
        }
        sql.append(')');
      }
      case RunFilter.Between b -> {
        sql.append(column(b.field())).append(" BETWEEN ? AND ?");
        parameters.add(parameter(b.low()));
        parameters.add(parameter(b.high()));
      }
      case RunFilter.IsNull n ->
          sql.append(column(n.field())).append(n.negated() ? " IS NOT NULL" : " IS NULL");
      case RunFilter.StartsWith s -> startsWith(s, sql, parameters);
    }
  }

  /** Returns the column of a field, joining its search attribute if it is one. */
  String column(RunField field) {
    return switch (field) {
      case RunField.BuiltIn b ->
          switch (b) {
            case WORKFLOW_ID -> "r.workflow_id";
            case RUN_ID -> "r.run_id";
            case WORKFLOW_TYPE -> "r.workflow_type";
            case TASK_QUEUE -> "r.task_queue";
            case EXECUTION_STATUS -> "r.status";
            case START_TIME -> "r.start_time";
            case CLOSE_TIME -> "r.close_time";
            case PAUSED ->
                "(CASE WHEN EXISTS (SELECT 1 FROM paused_runs p WHERE p.run_id = r.run_id)"
                    + " THEN 1 ELSE 0 END)";
          };
      case RunField.Attribute a -> alias(a) + "." + valueColumn(a.type());
    };
  }

  /** Returns whether a field's column may be null (a run without the value). */
  static boolean nullable(RunField field) {
    return field instanceof RunField.Attribute || field == RunField.BuiltIn.CLOSE_TIME;
  }

  /** Returns the joins of the attributes used so far, to follow {@code FROM runs r}. */
  String joins() {
    StringBuilder sql = new StringBuilder();
    aliases.forEach(
        (attribute, alias) ->
            sql.append(" LEFT JOIN search_attributes ")
                .append(alias)
                .append(" ON ")
                .append(alias)
                .append(".run_id = r.run_id AND ")
                .append(alias)
                .append(".name = ? AND ")
                .append(alias)
                .append(".type = ?"));
    return sql.toString();
  }

  /** Returns the parameters of {@link #joins()}, in order. */
  List<Object> joinParameters() {
    return joinParameters;
  }

  /** Returns the column that holds values of a type. */
  static String valueColumn(SearchAttributeType type) {
    return switch (type) {
      case KEYWORD, TEXT, KEYWORD_LIST -> "text_value";
      case INT, BOOL, DATETIME -> "int_value";
      case DOUBLE -> "double_value";
    };
  }

  /** Returns a filter value as the store keeps it: times in epoch millis, booleans as 0/1. */
  static Object parameter(Object value) {
    return switch (value) {
      case Instant time -> time.toEpochMilli();
      case Boolean flag -> flag ? 1L : 0L;
      case WorkflowStatus status -> status.name();
      default -> value;
    };
  }

  private String alias(RunField.Attribute attribute) {
    String alias = aliases.get(attribute);
    if (alias == null) {
      alias = "a" + aliases.size();
      aliases.put(attribute, alias);
      joinParameters.add(attribute.name());
      joinParameters.add(attribute.type().name());
    }
    return alias;
  }

  private void all(
      List<RunFilter> filters, String operator, StringBuilder sql, List<Object> parameters) {
    sql.append('(');
    for (int i = 0; i < filters.size(); i++) {
      if (i > 0) {
        sql.append(operator);
      }
      condition(filters.get(i), sql, parameters);
    }
    sql.append(')');
  }

  private void comparison(RunFilter.Comparison c, StringBuilder sql, List<Object> parameters) {
    if (isKeywordList(c.field())) {
      containsAny(
          (RunField.Attribute) c.field(),
          List.of(c.value()),
          c.op() == RunFilter.Op.NE,
          sql,
          parameters);
      return;
    }
    String column = column(c.field());
    if (isText(c.field())) {
      boolean contains = c.op() == RunFilter.Op.EQ;
      sql.append(column)
          .append(contains ? " " : " NOT ")
          .append(dialect.caseInsensitiveLike())
          .append(" ? ESCAPE '\\'");
      parameters.add("%" + escapeLike((String) c.value()) + "%");
      return;
    }
    String operator = c.op() == RunFilter.Op.NE ? "<>" : c.op().symbol();
    sql.append(column).append(' ').append(operator).append(" ?");
    parameters.add(parameter(c.value()));
  }

  /**
   * A KEYWORD prefix is a range, {@code prefix <= v < successor}, which an index serves and which
   * is exact in binary order; a TEXT prefix is a case-insensitive LIKE.
   */
  private void startsWith(RunFilter.StartsWith s, StringBuilder sql, List<Object> parameters) {
    String column = column(s.field());
    if (isText(s.field())) {
      sql.append(column).append(' ').append(dialect.caseInsensitiveLike()).append(" ? ESCAPE '\\'");
      parameters.add(escapeLike(s.prefix()) + "%");
      return;
    }
    String prefix = s.prefix();
    String successor = successor(prefix);
    if (prefix.isEmpty()) {
      sql.append(column).append(" IS NOT NULL");
    } else if (successor == null) {
      sql.append("SUBSTR(").append(column).append(", 1, ?) = ?");
      parameters.add(prefix.codePointCount(0, prefix.length())); // an int: SUBSTR's type
      parameters.add(prefix);
    } else {
      sql.append('(').append(column).append(" >= ? AND ").append(column).append(" < ?)");
      parameters.add(prefix);
      parameters.add(successor);
    }
  }

  /**
   * Returns the smallest string greater than every string that starts with the prefix: the prefix
   * with its last code point incremented (skipping surrogates), or null if it is the last one.
   */
  static String successor(String prefix) {
    if (prefix.isEmpty()) {
      return null;
    }
    int last = prefix.codePointBefore(prefix.length());
    int next = last + 1;
    if (next >= Character.MIN_SURROGATE && next <= Character.MAX_SURROGATE) {
      next = Character.MAX_SURROGATE + 1;
    }
    if (next > Character.MAX_CODE_POINT) {
      return null;
    }
    return prefix.substring(0, prefix.length() - Character.charCount(last))
        + Character.toString(next);
  }

  /**
   * A KEYWORD_LIST contains one of the values: the run is among those with a keyword row of the
   * attribute for one of them, a lookup the index on {@code (name, keyword, run_id)} serves (no
   * pass over the runs). Negated: the run has the list, and it contains none (false for a run
   * without it, like every predicate on a missing value).
   */
  private void containsAny(
      RunField.Attribute field,
      List<Object> values,
      boolean negated,
      StringBuilder sql,
      List<Object> parameters) {
    if (negated) {
      sql.append('(').append(column(field)).append(" IS NOT NULL AND ");
    }
    sql.append(negated ? "r.run_id NOT IN" : "r.run_id IN")
        .append(" (SELECT k.run_id FROM search_attribute_keywords k WHERE k.name = ?")
        .append(" AND k.keyword IN (");
    parameters.add(field.name());
    for (int i = 0; i < values.size(); i++) {
      sql.append(i == 0 ? "?" : ", ?");
      parameters.add(values.get(i));
    }
    sql.append("))");
    if (negated) {
      sql.append(')');
    }
  }

  private static boolean isKeywordList(RunField field) {
    return field instanceof RunField.Attribute a && a.type() == SearchAttributeType.KEYWORD_LIST;
  }

  private static boolean isText(RunField field) {
    return field instanceof RunField.Attribute a && a.type() == SearchAttributeType.TEXT;
  }

  /** Escapes LIKE's wildcards so that the text matches literally (with {@code ESCAPE '\'}). */
  static String escapeLike(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' || c == '%' || c == '_') {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return escaped.toString();
  }
}
