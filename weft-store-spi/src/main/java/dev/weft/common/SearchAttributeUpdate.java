package dev.weft.common;

import java.util.List;
import java.util.Optional;

/**
 * One change of a search attribute: set it to a value, or remove it (an empty value). Made by
 * {@link SearchAttributeKey#valueSet} and {@link SearchAttributeKey#valueUnset}, passed to {@code
 * Workflow.upsertTypedSearchAttributes}, as in Temporal's Java SDK. Immutable.
 *
 * @param <T> the Java type of the attribute's values
 */
public final class SearchAttributeUpdate<T> {
  private final SearchAttributeKey<T> key;
  private final T value;

  SearchAttributeUpdate(SearchAttributeKey<T> key, T value) {
    this.key = key;
    this.value = value;
  }

  /** Returns the attribute's key. */
  public SearchAttributeKey<T> getKey() {
    return key;
  }

  /** Returns the new value; empty when the update removes the attribute. */
  public Optional<T> getValue() {
    return Optional.ofNullable(value);
  }

  /**
   * Returns the value as the engine's untyped API takes it (an Instant for a date-time), or null
   * for a removal; an empty keyword list is a removal too.
   */
  public Object untypedValue() {
    if (value == null || value instanceof List<?> list && list.isEmpty()) {
      return null;
    }
    return key.untyped(value);
  }

  @Override
  public String toString() {
    return value == null ? key + " unset" : key + " = " + value;
  }
}
