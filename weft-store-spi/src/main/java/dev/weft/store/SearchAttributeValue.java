package dev.weft.store;

import dev.weft.common.SearchAttributeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A typed search attribute value of a run.
 *
 * <p>The value's Java type must be the type's {@link SearchAttributeType#javaType()}: {@link
 * String} for KEYWORD and TEXT, {@link Long} for INT, {@link Double} for DOUBLE (not NaN; {@code
 * -0.0} becomes {@code 0.0}, which not every database can tell apart), {@link Boolean} for BOOL,
 * {@link Instant} for DATETIME (truncated to milliseconds, the store's precision), a non-empty
 * {@code List<String>} for KEYWORD_LIST (copied; order and duplicates kept).
 *
 * <pre>{@code
 * Map.of("CustomerId", SearchAttributeValue.ofKeyword("c-42"),
 *        "Amount", SearchAttributeValue.ofInt(1250))
 * }</pre>
 *
 * @param type the attribute's type
 * @param value the value, never null
 */
public record SearchAttributeValue(SearchAttributeType type, Object value) {

  /**
   * Validates the value against the type.
   *
   * @throws IllegalArgumentException if the value's Java type does not fit, a double is NaN, or a
   *     keyword list is empty or holds something else than strings
   */
  public SearchAttributeValue {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    if (!type.javaType().isInstance(value)) {
      throw new IllegalArgumentException(
          "a "
              + type
              + " search attribute value must be a "
              + type.javaType().getSimpleName()
              + ", was a "
              + value.getClass().getSimpleName()
              + " ("
              + value
              + ")");
    }
    if (value instanceof Double d && d.isNaN()) {
      throw new IllegalArgumentException("a DOUBLE search attribute value cannot be NaN");
    }
    if (value instanceof Double d && d == 0.0) {
      value = 0.0; // -0.0 too
    }
    if (value instanceof Instant time) {
      value = time.truncatedTo(ChronoUnit.MILLIS);
    }
    if (value instanceof List<?> list) {
      value = keywords(list);
    }
  }

  private static List<String> keywords(List<?> list) {
    if (list.isEmpty()) {
      throw new IllegalArgumentException(
          "a KEYWORD_LIST search attribute value cannot be empty (remove the attribute instead)");
    }
    List<String> keywords = new ArrayList<>(list.size());
    for (Object item : list) {
      if (!(item instanceof String keyword)) {
        throw new IllegalArgumentException(
            "a KEYWORD_LIST search attribute value must hold strings, held "
                + (item == null
                    ? "null"
                    : "a " + item.getClass().getSimpleName() + " (" + item + ")"));
      }
      keywords.add(keyword);
    }
    return List.copyOf(keywords);
  }

  /** Returns a KEYWORD value. */
  public static SearchAttributeValue ofKeyword(String value) {
    return new SearchAttributeValue(SearchAttributeType.KEYWORD, value);
  }

  /** Returns a TEXT value. */
  public static SearchAttributeValue ofText(String value) {
    return new SearchAttributeValue(SearchAttributeType.TEXT, value);
  }

  /** Returns an INT value. */
  public static SearchAttributeValue ofInt(long value) {
    return new SearchAttributeValue(SearchAttributeType.INT, value);
  }

  /** Returns a DOUBLE value. */
  public static SearchAttributeValue ofDouble(double value) {
    return new SearchAttributeValue(SearchAttributeType.DOUBLE, value);
  }

  /** Returns a BOOL value. */
  public static SearchAttributeValue ofBool(boolean value) {
    return new SearchAttributeValue(SearchAttributeType.BOOL, value);
  }

  /** Returns a KEYWORD_LIST value (a non-empty list of strings). */
  public static SearchAttributeValue ofKeywordList(List<String> value) {
    return new SearchAttributeValue(SearchAttributeType.KEYWORD_LIST, value);
  }

  /** Returns a DATETIME value (truncated to milliseconds). */
  public static SearchAttributeValue ofDatetime(Instant value) {
    return new SearchAttributeValue(SearchAttributeType.DATETIME, value);
  }
}
