package dev.weft.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable collection of typed search attribute values, by key: what a run starts with ({@code
 * WorkflowOptions.Builder.typedSearchAttributes}) or currently has ({@code
 * Workflow.getTypedSearchAttributes()}). As in Temporal's Java SDK.
 *
 * <pre>{@code
 * SearchAttributes attributes = SearchAttributes.newBuilder()
 *     .set(SearchAttributeKey.forKeyword("CustomerId"), "c-42")
 *     .set(SearchAttributeKey.forKeywordList("Tags"), List.of("vip"))
 *     .build();
 * String customer = attributes.get(SearchAttributeKey.forKeyword("CustomerId"));
 * }</pre>
 *
 * <p>One value per attribute name; thread-safe.
 */
public final class SearchAttributes {
  /** No attributes. */
  public static final SearchAttributes EMPTY = new SearchAttributes(Map.of());

  /** By name: the key it was set with and its untyped value (Instant for date-times). */
  private final Map<String, Entry> entries;

  private record Entry(SearchAttributeKey<?> key, Object untyped) {}

  private SearchAttributes(Map<String, Entry> entries) {
    this.entries = entries;
  }

  /** Returns an empty builder. */
  public static Builder newBuilder() {
    return new Builder(new TreeMap<>());
  }

  /** Returns a builder that starts with the values of {@code from}. */
  public static Builder newBuilder(SearchAttributes from) {
    return new Builder(new TreeMap<>(from.entries));
  }

  /**
   * Returns the value of the key's attribute, or null when it has none or one of another type (a
   * DATETIME is read with an Instant or an OffsetDateTime key alike).
   */
  public <T> T get(SearchAttributeKey<T> key) {
    Entry entry = entries.get(key.getName());
    if (entry == null || entry.key.getValueType() != key.getValueType()) {
      return null;
    }
    return key.typed(entry.untyped);
  }

  /** Returns whether the key's attribute has a value of the key's type. */
  public boolean containsKey(SearchAttributeKey<?> key) {
    return get(key) != null;
  }

  /** Returns how many attributes have values. */
  public int size() {
    return entries.size();
  }

  /** Returns whether no attribute has a value. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Returns the values by the keys they were set with, in name order. */
  public Map<SearchAttributeKey<?>, Object> getUntypedValues() {
    Map<SearchAttributeKey<?>, Object> values = new LinkedHashMap<>();
    entries.values().forEach(e -> values.put(e.key, typedOf(e)));
    return Collections.unmodifiableMap(values);
  }

  /**
   * Returns the values by name, in name order, as the engine's untyped API takes them (String,
   * Long, Double, Boolean, Instant, {@code List<String>}).
   */
  public Map<String, Object> asMap() {
    Map<String, Object> values = new LinkedHashMap<>();
    entries.forEach((name, e) -> values.put(name, e.untyped));
    return Collections.unmodifiableMap(values);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object typedOf(Entry e) {
    return ((SearchAttributeKey) e.key).typed(e.untyped);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SearchAttributes s && s.asMap().equals(asMap());
  }

  @Override
  public int hashCode() {
    return asMap().hashCode();
  }

  @Override
  public String toString() {
    return asMap().toString();
  }

  /** Builds {@link SearchAttributes}; not thread-safe. */
  public static final class Builder {
    private final Map<String, Entry> entries;

    private Builder(Map<String, Entry> entries) {
      this.entries = entries;
    }

    /**
     * Sets the key's attribute (replacing any value of its name); an empty keyword list removes it.
     *
     * @throws IllegalArgumentException if the value is null or does not fit the key
     */
    public <T> Builder set(SearchAttributeKey<T> key, T value) {
      T checked = key.check(value);
      if (checked instanceof List<?> list && list.isEmpty()) {
        return unset(key);
      }
      entries.put(key.getName(), new Entry(key, key.untyped(checked)));
      return this;
    }

    /** Removes the key's attribute (by name) from what is built. */
    public Builder unset(SearchAttributeKey<?> key) {
      entries.remove(key.getName());
      return this;
    }

    /** Returns the attributes. */
    public SearchAttributes build() {
      return new SearchAttributes(Collections.unmodifiableMap(new TreeMap<>(entries)));
    }
  }
}
