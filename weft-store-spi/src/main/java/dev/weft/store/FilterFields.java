package dev.weft.store;

import dev.weft.common.SearchAttributeType;
import dev.weft.store.FilterToken.Kind;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves the field names of a query to built-in fields and known search attributes, and checks
 * what each field supports, with the token's position in every error.
 */
final class FilterFields {
  private static final Set<String> RESERVED =
      Set.of(
          "AND",
          "OR",
          "NOT",
          "IN",
          "BETWEEN",
          "IS",
          "NULL",
          "STARTS_WITH",
          "ORDER",
          "BY",
          "ASC",
          "DESC",
          "TRUE",
          "FALSE");

  private final Map<String, SearchAttributeType> known;

  FilterFields(Map<String, SearchAttributeType> known) {
    this.known = Map.copyOf(known);
  }

  /** Returns whether a token can name a field: a backquoted name or a word that is no keyword. */
  static boolean isName(FilterToken token) {
    return token.kind() == Kind.QUOTED_NAME
        || token.kind() == Kind.WORD && !RESERVED.contains(token.upper());
  }

  /**
   * Returns the field a name token names: a built-in (in any case) before a search attribute (exact
   * case).
   *
   * @throws FilterSyntaxException if no field has the name, listing those that exist
   */
  RunField resolve(FilterToken token) {
    var builtIn = RunField.BuiltIn.find(token.text());
    if (builtIn.isPresent()) {
      return builtIn.get();
    }
    SearchAttributeType type = known.get(token.text());
    if (type == null) {
      throw new FilterSyntaxException(
          "unknown field "
              + token.quoted()
              + " at position "
              + token.position()
              + "; known: "
              + String.join(", ", names()),
          token.position());
    }
    return RunField.attribute(token.text(), type);
  }

  /** Throws unless the field supports the operator token's use. */
  static void requireOperator(RunField field, FieldRules.Use use, FilterToken op) {
    String refusal = FieldRules.refusal(field, use);
    if (refusal != null) {
      throw new FilterSyntaxException(
          "operator "
              + op.quoted()
              + " at position "
              + op.position()
              + " is not supported: "
              + refusal,
          op.position());
    }
  }

  /** Throws unless the field named by the token can be sorted. */
  static void requireSortable(RunField field, FilterToken token) {
    String refusal = FieldRules.refusal(field, FieldRules.Use.ORDER);
    if (refusal != null) {
      throw new FilterSyntaxException(
          "cannot order by " + token.quoted() + " at position " + token.position() + ": " + refusal,
          token.position());
    }
  }

  private Set<String> names() {
    Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    names.addAll(known.keySet());
    for (RunField.BuiltIn field : RunField.BuiltIn.values()) {
      names.add(field.fieldName());
    }
    return names;
  }
}
