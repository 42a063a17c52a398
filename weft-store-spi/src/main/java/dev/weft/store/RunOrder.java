package dev.weft.store;

import java.util.Objects;

/**
 * One key of a listing's order. Runs without a value for the field (no such search attribute, no
 * close time) come last in either direction. TEXT attributes cannot be sorted.
 *
 * @param field the field to sort by
 * @param ascending whether smaller values come first
 */
public record RunOrder(RunField field, boolean ascending) {

  /** Validates that the field can be sorted. */
  public RunOrder {
    Objects.requireNonNull(field, "field");
    FieldRules.require(field, FieldRules.Use.ORDER, "ORDER BY " + field.fieldName());
  }

  /** Returns an ascending order by the field. */
  public static RunOrder asc(RunField field) {
    return new RunOrder(field, true);
  }

  /** Returns a descending order by the field. */
  public static RunOrder desc(RunField field) {
    return new RunOrder(field, false);
  }
}
