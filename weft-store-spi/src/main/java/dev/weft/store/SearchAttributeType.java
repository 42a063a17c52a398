package dev.weft.store;

import java.time.Instant;

/**
 * The type of a search attribute: what its values are and how filters compare them (see {@link
 * RunFilterParser} for the operators each type supports).
 */
public enum SearchAttributeType {
  /** An exact-match string (an order ID, a customer ID): every comparison, prefix match, sort. */
  KEYWORD(String.class),
  /**
   * A string searched by content: {@code =} matches when the value contains the given text,
   * ignoring case (at least for ASCII letters); {@code STARTS_WITH} matches a prefix, ignoring
   * case. Not sortable.
   */
  TEXT(String.class),
  /** A 64-bit integer ({@link Long}). */
  INT(Long.class),
  /** A floating-point number ({@link Double}), never NaN. */
  DOUBLE(Double.class),
  /** A boolean ({@link Boolean}); sorts false before true. */
  BOOL(Boolean.class),
  /** A point in time ({@link Instant}), kept with millisecond precision. */
  DATETIME(Instant.class);

  private final Class<?> javaType;

  SearchAttributeType(Class<?> javaType) {
    this.javaType = javaType;
  }

  /** Returns the Java type of this type's values. */
  public Class<?> javaType() {
    return javaType;
  }
}
