package dev.weft.store;

import dev.weft.common.SearchAttributeType;
import dev.weft.store.FilterToken.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the list query language: a condition on runs and an optional order, in the style of
 * Temporal's visibility queries.
 *
 * <pre>{@code
 * ParsedQuery q = RunFilterParser.parse(
 *     "WorkflowType = 'Order' AND (Amount > 100 OR CustomerId IN ('c1', 'c2'))"
 *         + " ORDER BY Amount DESC",
 *     Map.of("Amount", SearchAttributeType.INT, "CustomerId", SearchAttributeType.KEYWORD));
 * }</pre>
 *
 * <p>Grammar (keywords in any case):
 *
 * <pre>
 * query      := [expr] [ORDER BY field [ASC|DESC] {',' field [ASC|DESC]}]
 * expr       := term {OR term}
 * term       := factor {AND factor}
 * factor     := NOT factor | '(' expr ')' | predicate
 * predicate  := field op value | field [NOT] IN '(' value {',' value} ')'
 *             | field BETWEEN value AND value | field IS [NOT] NULL | field STARTS_WITH value
 * op         := '=' | '!=' | '&lt;&gt;' | '&lt;' | '&lt;=' | '&gt;' | '&gt;='
 * field      := identifier | `backquoted name`
 * value      := 'single quoted' | "double quoted" | number | true | false
 * </pre>
 *
 * <p>Fields are the built-ins ({@link RunField.BuiltIn}: {@code WorkflowId}, {@code RunId}, {@code
 * WorkflowType}, {@code TaskQueue}, {@code ExecutionStatus} or {@code Status}, {@code StartTime},
 * {@code CloseTime}, {@code Paused}; in any case) and the search attributes in {@code known} (exact
 * case). Reserved words (AND, OR, NOT, IN, BETWEEN, IS, NULL, STARTS_WITH, ORDER, BY, ASC, DESC,
 * TRUE, FALSE) must be backquoted to be used as names. Values are checked against their field:
 * strings for KEYWORD/TEXT/KEYWORD_LIST (one keyword), integers for INT, numbers for DOUBLE,
 * true/false for BOOL, quoted RFC 3339 times ({@code '2026-01-01T00:00:00Z'}, {@code
 * '2026-12-06T10:00:00.5+01:00'}: fractional seconds and an offset allowed) or a date meaning its
 * midnight UTC for DATETIME, quoted statuses ({@code 'Running'}, {@code 'RUNNING'}, {@code
 * 'TimedOut'}) for the status. In strings, a backslash escapes the next character and a doubled
 * quote stands for one.
 *
 * <p>What each type supports: KEYWORD and the string built-ins everything; INT, DOUBLE, DATETIME
 * all but STARTS_WITH; BOOL and the status {@code =}, {@code !=}, IN and IS NULL; TEXT {@code =}
 * (contains the text, ignoring case), {@code !=} (does not contain it), STARTS_WITH (ignoring case)
 * and IS NULL, and it cannot be sorted; KEYWORD_LIST {@code =} (the list contains the keyword),
 * {@code !=} (has a list without it), IN (contains any), NOT IN (has a list with none of them) and
 * IS NULL, not sorted. ORDER BY directions default to ASC; {@code AND} binds tighter than {@code
 * OR}. See {@link RunFilter} for how runs without a value match.
 *
 * <p>Parentheses and NOTs nest at most {@value #MAX_DEPTH} deep. Thread-safe: each call parses with
 * its own state.
 */
public final class RunFilterParser {
  /** How deep parentheses and NOTs may nest (a bound on the parser's recursion). */
  public static final int MAX_DEPTH = 64;

  private final List<FilterToken> tokens;
  private final FilterFields fields;
  private int next;
  private int depth;

  private RunFilterParser(List<FilterToken> tokens, FilterFields fields) {
    this.tokens = tokens;
    this.fields = fields;
  }

  /**
   * Parses a query.
   *
   * @param query the query; blank for all runs in the default order
   * @param known the search attributes queries may use, with their types
   * @return the condition (null when the query has none) and the order (empty for the default)
   * @throws FilterSyntaxException naming the problem, the offending token and its position
   */
  public static ParsedQuery parse(String query, Map<String, SearchAttributeType> known) {
    return new RunFilterParser(FilterLexer.tokens(query), new FilterFields(known)).query();
  }

  private ParsedQuery query() {
    RunFilter filter = null;
    if (peek().kind() != Kind.END && !peek().isKeyword("ORDER")) {
      filter = expression();
    }
    List<RunOrder> orderBy = List.of();
    if (peek().isKeyword("ORDER")) {
      orderBy = orderBy();
    }
    if (peek().kind() != Kind.END) {
      throw unexpected(peek(), "AND, OR, ORDER BY or the end of the query");
    }
    return new ParsedQuery(filter, orderBy);
  }

  private RunFilter expression() {
    List<RunFilter> terms = new ArrayList<>(List.of(term()));
    while (peek().isKeyword("OR")) {
      next++;
      terms.add(term());
    }
    return terms.size() == 1 ? terms.get(0) : new RunFilter.Or(terms);
  }

  private RunFilter term() {
    List<RunFilter> factors = new ArrayList<>(List.of(factor()));
    while (peek().isKeyword("AND")) {
      next++;
      factors.add(factor());
    }
    return factors.size() == 1 ? factors.get(0) : new RunFilter.And(factors);
  }

  private RunFilter factor() {
    boolean not = peek().isKeyword("NOT");
    if (!not && peek().kind() != Kind.LEFT_PAREN) {
      return predicate();
    }
    FilterToken token = take();
    if (++depth > MAX_DEPTH) {
      throw new FilterSyntaxException(
          token.quoted() + " at position " + token.position() + " nests deeper than " + MAX_DEPTH,
          token.position());
    }
    RunFilter inner;
    if (not) {
      inner = new RunFilter.Not(factor());
    } else {
      inner = expression();
      expect(Kind.RIGHT_PAREN, "')', AND or OR");
    }
    depth--;
    return inner;
  }

  private RunFilter predicate() {
    RunField field = field();
    FilterToken op = take();
    if (op.kind() == Kind.OPERATOR) {
      RunFilter.Op comparison = comparison(op);
      boolean equality = comparison == RunFilter.Op.EQ || comparison == RunFilter.Op.NE;
      FilterFields.requireOperator(
          field, equality ? FieldRules.Use.EQUALITY : FieldRules.Use.RANGE, op);
      return new RunFilter.Comparison(field, comparison, value(field));
    }
    if (op.isKeyword("NOT") || op.isKeyword("IN")) {
      boolean negated = op.isKeyword("NOT");
      if (negated && !peek().isKeyword("IN")) {
        throw unexpected(peek(), "IN after NOT");
      }
      FilterToken in = negated ? take() : op;
      FilterFields.requireOperator(field, FieldRules.Use.IN, in);
      expect(Kind.LEFT_PAREN, "'(' after IN");
      List<Object> values = new ArrayList<>(List.of(value(field)));
      while (peek().kind() == Kind.COMMA) {
        next++;
        values.add(value(field));
      }
      expect(Kind.RIGHT_PAREN, "',' or ')'");
      return new RunFilter.In(field, values, negated);
    }
    if (op.isKeyword("BETWEEN")) {
      FilterFields.requireOperator(field, FieldRules.Use.RANGE, op);
      Object low = value(field);
      if (!peek().isKeyword("AND")) {
        throw unexpected(peek(), "AND between the bounds of BETWEEN");
      }
      next++;
      return new RunFilter.Between(field, low, value(field));
    }
    if (op.isKeyword("IS")) {
      boolean negated = peek().isKeyword("NOT");
      if (negated) {
        next++;
      }
      if (!peek().isKeyword("NULL")) {
        throw unexpected(peek(), negated ? "NULL" : "NULL or NOT NULL");
      }
      next++;
      return new RunFilter.IsNull(field, negated);
    }
    if (op.isKeyword("STARTS_WITH")) {
      FilterFields.requireOperator(field, FieldRules.Use.STARTS_WITH, op);
      return new RunFilter.StartsWith(field, (String) value(field));
    }
    throw unexpected(
        op, "an operator (=, !=, <>, <, <=, >, >=, IN, NOT IN, BETWEEN, IS NULL, STARTS_WITH)");
  }

  private List<RunOrder> orderBy() {
    next++;
    if (!peek().isKeyword("BY")) {
      throw unexpected(peek(), "BY after ORDER");
    }
    next++;
    List<RunOrder> orders = new ArrayList<>();
    Set<RunField> seen = new HashSet<>();
    do {
      if (!orders.isEmpty()) {
        next++;
      }
      FilterToken token = peek();
      RunField field = field();
      FilterFields.requireSortable(field, token);
      if (!seen.add(field)) {
        throw new FilterSyntaxException(
            token.quoted() + " at position " + token.position() + " is already in ORDER BY",
            token.position());
      }
      boolean ascending = true;
      if (peek().isKeyword("ASC") || peek().isKeyword("DESC")) {
        ascending = take().isKeyword("ASC");
      }
      orders.add(new RunOrder(field, ascending));
    } while (peek().kind() == Kind.COMMA);
    return orders;
  }

  private RunField field() {
    FilterToken token = take();
    if (!FilterFields.isName(token)) {
      throw unexpected(token, "a field name");
    }
    return fields.resolve(token);
  }

  private Object value(RunField field) {
    FilterToken token = take();
    if (!FilterValues.isValue(token)) {
      String hint =
          token.isKeyword("NULL")
              ? " (use IS NULL to find runs without a value)"
              : token.kind() == Kind.WORD ? " (quote strings)" : "";
      throw unexpected(token, "a value" + hint);
    }
    return FilterValues.convert(field, token);
  }

  private static RunFilter.Op comparison(FilterToken op) {
    return switch (op.text()) {
      case "=" -> RunFilter.Op.EQ;
      case "!=", "<>" -> RunFilter.Op.NE;
      case "<" -> RunFilter.Op.LT;
      case "<=" -> RunFilter.Op.LE;
      case ">" -> RunFilter.Op.GT;
      case ">=" -> RunFilter.Op.GE;
      default -> throw new IllegalStateException("operator " + op.text());
    };
  }

  private void expect(Kind kind, String what) {
    if (peek().kind() != kind) {
      throw unexpected(peek(), what);
    }
    next++;
  }

  private static FilterSyntaxException unexpected(FilterToken token, String expected) {
    return new FilterSyntaxException(
        "unexpected "
            + token.describe()
            + " at position "
            + token.position()
            + ": expected "
            + expected,
        token.position());
  }

  private FilterToken peek() {
    return tokens.get(next);
  }

  private FilterToken take() {
    FilterToken token = tokens.get(next);
    if (token.kind() != Kind.END) {
      next++;
    }
    return token;
  }
}
