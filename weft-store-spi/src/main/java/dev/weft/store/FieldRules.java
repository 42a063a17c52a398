package dev.weft.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What each kind of field supports in filters and orders, and which values it takes. Shared by the
 * filter records (which throw plain {@link IllegalArgumentException}s) and the parser (which adds
 * positions).
 */
final class FieldRules {
  private FieldRules() {}

  /** The ways a filter or an order uses a field. */
  enum Use {
    EQUALITY,
    RANGE,
    IN,
    STARTS_WITH,
    ORDER
  }

  private enum Kind {
    KEYWORD,
    TEXT,
    INT,
    DOUBLE,
    BOOL,
    DATETIME,
    KEYWORD_LIST,
    STATUS
  }

  /** Returns why a field does not support a use, or null when it does. */
  static String refusal(RunField field, Use use) {
    Kind kind = kind(field);
    boolean supported =
        switch (kind) {
          case KEYWORD -> true;
          case TEXT -> use == Use.EQUALITY || use == Use.STARTS_WITH;
          case INT, DOUBLE, DATETIME -> use != Use.STARTS_WITH;
          case BOOL, STATUS -> use == Use.EQUALITY || use == Use.IN || use == Use.ORDER;
          case KEYWORD_LIST -> use == Use.EQUALITY || use == Use.IN;
        };
    if (supported) {
      return null;
    }
    if (use == Use.ORDER) {
      return describe(field) + " cannot be sorted";
    }
    String supports =
        switch (kind) {
          case TEXT -> "= (contains), != (does not contain), STARTS_WITH and IS NULL";
          case BOOL, STATUS -> "=, !=, IN and IS NULL";
          case KEYWORD_LIST ->
              "= (contains), != (does not contain), IN (contains any), NOT IN and IS NULL";
          default -> "=, !=, <, <=, >, >=, IN, BETWEEN and IS NULL";
        };
    return describe(field) + " supports only " + supports;
  }

  /** Throws unless the field supports the use. */
  static void require(RunField field, Use use, String what) {
    String refusal = refusal(field, use);
    if (refusal != null) {
      throw new IllegalArgumentException(what + " is not supported: " + refusal);
    }
  }

  /**
   * Checks that a value fits the field and returns it normalized as {@link SearchAttributeValue}
   * normalizes values: times truncated to milliseconds, {@code -0.0} as {@code 0.0}.
   */
  static Object value(RunField field, Object value) {
    Objects.requireNonNull(value, () -> "value for " + field.fieldName());
    if (!field.valueClass().isInstance(value)) {
      throw new IllegalArgumentException(
          "a value of "
              + describe(field)
              + " must be a "
              + field.valueClass().getSimpleName()
              + ", was a "
              + value.getClass().getSimpleName()
              + " ("
              + value
              + ")");
    }
    if (value instanceof Double d && d.isNaN()) {
      throw new IllegalArgumentException("a value of " + describe(field) + " cannot be NaN");
    }
    if (value instanceof Double d && d == 0.0) {
      return 0.0; // -0.0 too
    }
    if (value instanceof Instant time) {
      return time.truncatedTo(ChronoUnit.MILLIS);
    }
    return value;
  }

  /** Returns the field with its type, for messages: {@code INT field 'Amount'}. */
  static String describe(RunField field) {
    Kind kind = kind(field);
    return (kind == Kind.STATUS ? "status" : kind.name()) + " field '" + field.fieldName() + "'";
  }

  /** Returns the name of the type a field's values have, for messages ({@code INT}). */
  static String typeName(RunField field) {
    Kind kind = kind(field);
    return kind == Kind.STATUS ? "status" : kind.name();
  }

  private static Kind kind(RunField field) {
    return switch (field) {
      case RunField.Attribute a -> Kind.valueOf(a.type().name());
      case RunField.BuiltIn b ->
          switch (b) {
            case WORKFLOW_ID, RUN_ID, WORKFLOW_TYPE, TASK_QUEUE -> Kind.KEYWORD;
            case EXECUTION_STATUS -> Kind.STATUS;
            case START_TIME, CLOSE_TIME -> Kind.DATETIME;
            case PAUSED -> Kind.BOOL;
          };
    };
  }
}
