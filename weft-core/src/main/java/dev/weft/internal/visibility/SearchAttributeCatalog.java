package dev.weft.internal.visibility;

import dev.weft.common.SearchAttributeType;
import dev.weft.history.IndexedValue;
import dev.weft.internal.runtime.SearchAttributeIndexer;
import dev.weft.store.RunField;
import dev.weft.store.SearchAttributeValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The search attributes an engine knows, with their types, and the conversions between the values
 * code passes (Java objects), the values history records ({@link IndexedValue}) and the values the
 * store indexes ({@link SearchAttributeValue}). Every value is checked against its registered type
 * before anything is written.
 */
public final class SearchAttributeCatalog implements SearchAttributeIndexer {
  private final Map<String, SearchAttributeType> types = new ConcurrentHashMap<>();

  /**
   * Registers an attribute.
   *
   * @throws IllegalArgumentException if the name is not allowed or is registered with another type
   */
  public void register(String name, SearchAttributeType type) {
    try {
      RunField.Attribute.checkName(name);
    } catch (NullPointerException e) {
      throw new IllegalArgumentException("a search attribute name cannot be null");
    }
    if (type == null) {
      throw new IllegalArgumentException("search attribute '" + name + "' needs a type");
    }
    SearchAttributeType existing = types.putIfAbsent(name, type);
    if (existing != null && existing != type) {
      throw new IllegalArgumentException(
          "search attribute '" + name + "' is registered as " + existing + ", not " + type);
    }
  }

  /** Returns the registered attributes and their types, in name order. */
  public Map<String, SearchAttributeType> types() {
    return new TreeMap<>(types);
  }

  /**
   * Converts values given by code to recorded values, checking each against its registered type.
   *
   * @param where what the values are for, for error messages ("the start of workflow 'X'")
   * @throws IllegalArgumentException naming the attribute, its type and the value that does not fit
   */
  @Override
  public Map<String, IndexedValue> index(Map<String, ?> values, String where) {
    Map<String, IndexedValue> result = new LinkedHashMap<>();
    values.forEach((name, value) -> result.put(name, index(name, value, where)));
    return result;
  }

  /** Checks that names can be removed (they are registered). */
  @Override
  public void checkRemovable(Collection<String> names, String where) {
    for (String name : names) {
      typeOf(name, where);
    }
  }

  @Override
  public void checkType(String name, SearchAttributeType type, String where) {
    SearchAttributeType registered = typeOf(name, where);
    if (registered != type) {
      throw new IllegalArgumentException(
          "search attribute '"
              + name
              + "' in "
              + where
              + " is registered as "
              + registered
              + ", but its key is "
              + type);
    }
  }

  private IndexedValue index(String name, Object value, String where) {
    SearchAttributeType type = typeOf(name, where);
    if (value == null) {
      throw new IllegalArgumentException(
          "search attribute '" + name + "' in " + where + " has a null value");
    }
    if (type == SearchAttributeType.KEYWORD_LIST) {
      List<String> keywords = keywords(value);
      if (keywords != null) {
        return IndexedValue.ofKeywordList(keywords);
      }
    }
    String text =
        switch (type) {
          case KEYWORD, TEXT -> value instanceof String s ? s : null;
          case INT ->
              value instanceof Long
                      || value instanceof Integer
                      || value instanceof Short
                      || value instanceof Byte
                  ? Long.toString(((Number) value).longValue())
                  : null;
          case DOUBLE -> doubleText(value);
          case BOOL -> value instanceof Boolean b ? b.toString() : null;
          case DATETIME -> instantText(value);
          case KEYWORD_LIST -> null;
        };
    if (text == null) {
      throw new IllegalArgumentException(
          "search attribute '"
              + name
              + "' in "
              + where
              + " is "
              + type
              + "; the value "
              + ValueText.describe(value)
              + " does not fit it (expected "
              + expected(type)
              + ")");
    }
    return new IndexedValue(type, text);
  }

  private SearchAttributeType typeOf(String name, String where) {
    SearchAttributeType type = types.get(name);
    if (type == null) {
      throw new IllegalArgumentException(
          "unknown search attribute '"
              + name
              + "' in "
              + where
              + "; registered: "
              + types().keySet()
              + " (register it with WeftEngine.Builder.registerSearchAttribute)");
    }
    return type;
  }

  private static String expected(SearchAttributeType type) {
    return switch (type) {
      case KEYWORD, TEXT -> "a String";
      case INT -> "a Long or Integer";
      case DOUBLE -> "a number, not NaN";
      case BOOL -> "a Boolean";
      case DATETIME ->
          "an Instant, OffsetDateTime, ZonedDateTime or an RFC 3339 date-time string such as"
              + " 2026-12-06T10:00:00+01:00 or 2026-12-06T09:00:00.250Z";
      case KEYWORD_LIST -> "a non-empty List of Strings";
    };
  }

  /** A non-empty collection of strings as a list, in its iteration order; else null. */
  private static List<String> keywords(Object value) {
    if (!(value instanceof Collection<?> items) || items.isEmpty()) {
      return null;
    }
    List<String> keywords = new ArrayList<>(items.size());
    for (Object item : items) {
      if (!(item instanceof String keyword)) {
        return null;
      }
      keywords.add(keyword);
    }
    return keywords;
  }

  private static String doubleText(Object value) {
    if (!(value instanceof Number n)) {
      return null;
    }
    double d = n.doubleValue();
    if (Double.isNaN(d)) {
      return null;
    }
    return Double.toString(d == 0.0 ? 0.0 : d);
  }

  private static String instantText(Object value) {
    Instant instant =
        switch (value) {
          case Instant i -> i;
          case OffsetDateTime o -> o.toInstant();
          case ZonedDateTime z -> z.toInstant();
          case String s -> Rfc3339.parse(s);
          default -> null;
        };
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS).toString();
  }

  /** Returns the Java values of recorded values, in name order. */
  public static Map<String, Object> toJava(Map<String, IndexedValue> values) {
    Map<String, Object> result = new TreeMap<>();
    values.forEach((name, v) -> result.put(name, v.javaValue()));
    return result;
  }

  /** Returns the store's value of a recorded value. */
  public static SearchAttributeValue toStore(IndexedValue v) {
    return new SearchAttributeValue(v.type(), v.javaValue());
  }

  /** Returns the store's values of recorded values. */
  public static Map<String, SearchAttributeValue> toStore(Map<String, IndexedValue> values) {
    Map<String, SearchAttributeValue> result = new LinkedHashMap<>();
    values.forEach((name, v) -> result.put(name, toStore(v)));
    return result;
  }

  /** Returns the Java value of a stored value. */
  public static Object toJava(SearchAttributeValue v) {
    return v.value();
  }
}
