package dev.weft.internal.visibility;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Shows a value in a message as a person reads it: lists, arrays and maps as {@code [a, b]} and
 * {@code {k=v}} with what kind of value it is ("a list"), never a JDK class name such as {@code
 * ImmutableCollections$ListN}.
 */
public final class ValueText {
  private ValueText() {}

  /** Returns the value and its kind, e.g. {@code [a, b] (a list)} or {@code 12 (Integer)}. */
  public static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    return show(value) + " (" + kind(value) + ")";
  }

  /** Returns the value as text: arrays and collections as lists, maps as maps. */
  public static String show(Object value) {
    if (value != null && value.getClass().isArray()) {
      List<Object> items = new ArrayList<>();
      for (int i = 0; i < Array.getLength(value); i++) {
        items.add(Array.get(value, i));
      }
      return items.stream().map(ValueText::show).toList().toString();
    }
    if (value instanceof Collection<?> c) {
      return c.stream().map(ValueText::show).toList().toString();
    }
    return String.valueOf(value);
  }

  private static String kind(Object value) {
    if (value.getClass().isArray() || value instanceof List<?>) {
      return "a list";
    }
    if (value instanceof Collection<?>) {
      return "a collection";
    }
    if (value instanceof Map<?, ?>) {
      return "a map";
    }
    return value.getClass().getSimpleName();
  }
}
