package dev.weft.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A condition on runs, as a tree: what {@link RunFilterParser} makes of a query's {@code WHERE}
 * part, and what {@link RunQuery#filter()} carries to the store. Build one by parsing, or directly:
 *
 * <pre>{@code
 * RunFilter filter = RunFilter.and(
 *     new RunFilter.Comparison(RunField.BuiltIn.WORKFLOW_TYPE, RunFilter.Op.EQ, "Order"),
 *     new RunFilter.Comparison(RunField.attribute("Amount", INT), RunFilter.Op.GT, 100L));
 * }</pre>
 *
 * <p><b>Missing values.</b> A predicate on a field ({@link Comparison}, {@link In}, {@link
 * Between}, {@link StartsWith}) is false for a run that has no value for it (a run without the
 * search attribute, or without a close time): {@code CustomerId != 'c1'} does not match runs
 * without a {@code CustomerId}. {@link IsNull} matches exactly those runs, and {@link Not} is the
 * exact complement of what it negates: {@code NOT CustomerId = 'c1'} does match them.
 *
 * <p>Values are checked against their field on construction ({@link RunField#valueClass()}), and
 * the records refuse what the field does not support (for example {@code <} on a TEXT attribute);
 * both throw {@link IllegalArgumentException}.
 */
public sealed interface RunFilter {

  /** Returns a filter that matches when all of the filters match. */
  static RunFilter and(RunFilter... filters) {
    return new And(List.of(filters));
  }

  /** Returns a filter that matches when any of the filters matches. */
  static RunFilter or(RunFilter... filters) {
    return new Or(List.of(filters));
  }

  /** A comparison operator. */
  enum Op {
    /** Equal; for a TEXT attribute: contains the text, ignoring case. */
    EQ("="),
    /** Not equal; for a TEXT attribute: does not contain the text, ignoring case. */
    NE("!="),
    /** Less than. */
    LT("<"),
    /** Less than or equal. */
    LE("<="),
    /** Greater than. */
    GT(">"),
    /** Greater than or equal. */
    GE(">=");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    /** Returns the operator as queries write it. */
    public String symbol() {
      return symbol;
    }
  }

  /**
   * Matches when every filter matches.
   *
   * @param filters at least one filter
   */
  record And(List<RunFilter> filters) implements RunFilter {
    /** Validates the record. */
    public And {
      filters = nonEmpty(filters, "And");
    }
  }

  /**
   * Matches when at least one filter matches.
   *
   * @param filters at least one filter
   */
  record Or(List<RunFilter> filters) implements RunFilter {
    /** Validates the record. */
    public Or {
      filters = nonEmpty(filters, "Or");
    }
  }

  /** Matches exactly the runs the filter does not match (runs without a value included). */
  record Not(RunFilter filter) implements RunFilter {
    /** Validates the record. */
    public Not {
      Objects.requireNonNull(filter, "filter");
    }
  }

  /**
   * Compares a field with a value. Strings compare in Unicode code point order (binary, whatever
   * the database's locale). BOOL and status fields support only {@link Op#EQ} and {@link Op#NE}; so
   * do TEXT attributes, where they mean "contains" and "does not contain", ignoring case.
   */
  record Comparison(RunField field, Op op, Object value) implements RunFilter {
    /** Validates the value against the field, and that the field supports the operator. */
    public Comparison {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(op, "op");
      FieldRules.require(
          field,
          op == Op.EQ || op == Op.NE ? FieldRules.Use.EQUALITY : FieldRules.Use.RANGE,
          "operator " + op.symbol());
      value = FieldRules.value(field, value);
    }
  }

  /**
   * Matches when the field's value is one of the values ({@code negated}: has a value that is none
   * of them). Not for TEXT attributes.
   */
  record In(RunField field, List<Object> values, boolean negated) implements RunFilter {
    /** Validates the values against the field. */
    public In {
      Objects.requireNonNull(field, "field");
      FieldRules.require(field, FieldRules.Use.IN, negated ? "NOT IN" : "IN");
      List<Object> checked = new ArrayList<>();
      for (Object value : nonEmpty(values, "In")) {
        checked.add(FieldRules.value(field, value));
      }
      values = List.copyOf(checked);
    }
  }

  /** Matches when {@code low <= value <= high}. Not for TEXT, BOOL and status fields. */
  record Between(RunField field, Object low, Object high) implements RunFilter {
    /** Validates the bounds against the field. */
    public Between {
      Objects.requireNonNull(field, "field");
      FieldRules.require(field, FieldRules.Use.RANGE, "BETWEEN");
      low = FieldRules.value(field, low);
      high = FieldRules.value(field, high);
    }
  }

  /** Matches runs without a value for the field ({@code negated}: runs with one). */
  record IsNull(RunField field, boolean negated) implements RunFilter {
    /** Validates the record. */
    public IsNull {
      Objects.requireNonNull(field, "field");
    }
  }

  /**
   * Matches when the field's value starts with the prefix: exactly (case-sensitive) for KEYWORD
   * fields, ignoring case for TEXT attributes.
   */
  record StartsWith(RunField field, String prefix) implements RunFilter {
    /** Validates the record. */
    public StartsWith {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(prefix, "prefix");
      FieldRules.require(field, FieldRules.Use.STARTS_WITH, "STARTS_WITH");
    }
  }

  private static <T> List<T> nonEmpty(List<T> list, String what) {
    List<T> copy = List.copyOf(list);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException(what + " needs at least one element");
    }
    return copy;
  }
}
