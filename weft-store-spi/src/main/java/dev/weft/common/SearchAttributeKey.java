package dev.weft.common;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A search attribute's name with its type, so that values are set and read with the right Java type
 * at compile time: {@code SearchAttributeKey<Long> amount = SearchAttributeKey.forLong("Amount")}.
 * As in Temporal's Java SDK; the attribute must still be registered on the engine with the same
 * type ({@code WeftEngine.Builder.registerSearchAttribute}).
 *
 * <pre>{@code
 * static final SearchAttributeKey<List<String>> TAGS = SearchAttributeKey.forKeywordList("Tags");
 * static final SearchAttributeKey<OffsetDateTime> DUE = SearchAttributeKey.forOffsetDateTime("DueAt");
 *
 * Workflow.upsertTypedSearchAttributes(TAGS.valueSet(List.of("vip", "eu")), DUE.valueUnset());
 * }</pre>
 *
 * <p>Immutable and thread-safe; keys are equal when their name, type and value class are.
 *
 * @param <T> the Java type of the attribute's values
 */
public final class SearchAttributeKey<T> {
  private final String name;
  private final SearchAttributeType type;
  private final Class<?> valueClass;

  private SearchAttributeKey(String name, SearchAttributeType type, Class<?> valueClass) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a search attribute key needs a name, was '" + name + "'");
    }
    this.name = name;
    this.type = type;
    this.valueClass = valueClass;
  }

  /** A KEYWORD attribute: an exact string. */
  public static SearchAttributeKey<String> forKeyword(String name) {
    return new SearchAttributeKey<>(name, SearchAttributeType.KEYWORD, String.class);
  }

  /** A TEXT attribute: free text, matched by "contains". */
  public static SearchAttributeKey<String> forText(String name) {
    return new SearchAttributeKey<>(name, SearchAttributeType.TEXT, String.class);
  }

  /** An INT attribute (Temporal's {@code Int}): a 64-bit whole number. */
  public static SearchAttributeKey<Long> forLong(String name) {
    return new SearchAttributeKey<>(name, SearchAttributeType.INT, Long.class);
  }

  /** A DOUBLE attribute. */
  public static SearchAttributeKey<Double> forDouble(String name) {
    return new SearchAttributeKey<>(name, SearchAttributeType.DOUBLE, Double.class);
  }

  /** A BOOL attribute. */
  public static SearchAttributeKey<Boolean> forBoolean(String name) {
    return new SearchAttributeKey<>(name, SearchAttributeType.BOOL, Boolean.class);
  }

  /**
   * A DATETIME attribute read and written as {@link OffsetDateTime} (as in Temporal); values read
   * back are in UTC, kept to the millisecond.
   */
  public static SearchAttributeKey<OffsetDateTime> forOffsetDateTime(String name) {
    return new SearchAttributeKey<>(name, SearchAttributeType.DATETIME, OffsetDateTime.class);
  }

  /** A DATETIME attribute read and written as {@link Instant}, kept to the millisecond. */
  public static SearchAttributeKey<Instant> forDatetime(String name) {
    return new SearchAttributeKey<>(name, SearchAttributeType.DATETIME, Instant.class);
  }

  /** A KEYWORD_LIST attribute: a list of exact strings, matched by "contains". */
  public static SearchAttributeKey<List<String>> forKeywordList(String name) {
    return new SearchAttributeKey<>(name, SearchAttributeType.KEYWORD_LIST, List.class);
  }

  /**
   * Returns the key of an attribute of a type, with the type's plain Java class (String, Long,
   * Double, Boolean, Instant, {@code List<String>}): for code that learns types at run time.
   */
  public static SearchAttributeKey<?> of(String name, SearchAttributeType type) {
    Objects.requireNonNull(type, "type");
    return new SearchAttributeKey<>(name, type, type.javaType());
  }

  /** Returns the attribute's name. */
  public String getName() {
    return name;
  }

  /** Returns the attribute's type. */
  public SearchAttributeType getValueType() {
    return type;
  }

  /** Returns the Java class of the values ({@code List} for a keyword list). */
  public Class<?> getValueClass() {
    return valueClass;
  }

  /**
   * Returns an update that sets the attribute to {@code value}; for a keyword list, an empty list
   * removes it (as in Temporal).
   *
   * @throws IllegalArgumentException if the value is null or does not fit the key
   */
  public SearchAttributeUpdate<T> valueSet(T value) {
    return new SearchAttributeUpdate<>(this, check(value));
  }

  /** Returns an update that removes the attribute from the run. */
  public SearchAttributeUpdate<T> valueUnset() {
    return new SearchAttributeUpdate<>(this, null);
  }

  /**
   * Checks a value against the key and returns it as this key hands values out (lists copied).
   *
   * @throws IllegalArgumentException naming the attribute and the value if it does not fit
   */
  T check(T value) {
    if (value == null) {
      throw new IllegalArgumentException(
          "search attribute '" + name + "' cannot be set to null; use valueUnset() or unset(key)");
    }
    if (!valueClass.isInstance(value)) {
      throw new IllegalArgumentException(
          "search attribute '"
              + name
              + "' takes a "
              + valueClass.getSimpleName()
              + ", was a "
              + value.getClass().getSimpleName()
              + " ("
              + value
              + ")");
    }
    if (value instanceof List<?> list) {
      List<String> keywords = new ArrayList<>(list.size());
      for (Object item : list) {
        if (!(item instanceof String keyword)) {
          throw new IllegalArgumentException(
              "search attribute '" + name + "' takes a list of strings, held " + item);
        }
        keywords.add(keyword);
      }
      @SuppressWarnings("unchecked")
      T copy = (T) List.copyOf(keywords);
      return copy;
    }
    return value;
  }

  /** The value as the engine takes it: an Instant for a date-time, else the value itself. */
  Object untyped(T value) {
    return value instanceof OffsetDateTime time ? time.toInstant() : value;
  }

  /** The value of an untyped one (String, Long, Double, Boolean, Instant, List) for this key. */
  @SuppressWarnings("unchecked")
  T typed(Object untyped) {
    if (valueClass == OffsetDateTime.class && untyped instanceof Instant time) {
      return (T) OffsetDateTime.ofInstant(time, ZoneOffset.UTC);
    }
    return (T) untyped;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SearchAttributeKey<?> k
        && k.name.equals(name)
        && k.type == type
        && k.valueClass == valueClass;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, valueClass);
  }

  @Override
  public String toString() {
    return name + " (" + type + ")";
  }
}
