package dev.weft.history;

import dev.weft.common.SearchAttributeType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A search attribute value as history records it: its type and its canonical text (a decimal
 * number, {@code true}/{@code false}, an ISO-8601 instant), so that exported histories read well
 * and decode to the same value.
 *
 * @param type the attribute's type
 * @param value the value as text
 */
public record IndexedValue(SearchAttributeType type, String value) {

  /** Validates the record. */
  public IndexedValue {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
  }

  /**
   * Returns the value as Java: a String (KEYWORD, TEXT), Long (INT), Double (DOUBLE), Boolean
   * (BOOL) or Instant (DATETIME).
   *
   * @throws IllegalArgumentException if the text is not a value of the type
   */
  public Object javaValue() {
    try {
      return switch (type) {
        case KEYWORD, TEXT -> value;
        case INT -> Long.parseLong(value);
        case DOUBLE -> Double.parseDouble(value);
        case BOOL -> Boolean.parseBoolean(value);
        case DATETIME -> Instant.parse(value);
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException(
          "recorded " + type + " search attribute value '" + value + "' is malformed", e);
    }
  }
}
