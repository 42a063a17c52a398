package dev.weft.common;

import java.time.Instant;
import java.util.List;

/**
 * The type of a search attribute: what values it takes and how lists can filter and sort on it.
 * Register each custom attribute with its type on the engine ({@code
 * WeftEngine.Builder.registerSearchAttribute}), as Temporal users do per namespace. The same type
 * names the column a store keeps the value in (see {@code RunFilterParser} for the operators each
 * type supports).
 */
public enum SearchAttributeType {
  /**
   * An exact string (an ID, a status, a tag): every comparison, {@code IN}, ranges, {@code
   * STARTS_WITH}, sort. Java String.
   */
  KEYWORD(String.class),
  /**
   * Free text: {@code =} means "contains, ignoring case" (at least for ASCII letters); {@code
   * STARTS_WITH} matches a prefix, ignoring case. Not sortable. Java String.
   */
  TEXT(String.class),
  /** A whole number, 64 bits. Java Long (Integer, Short and Byte are accepted). */
  INT(Long.class),
  /** A floating-point number, never NaN. Java Double (any Number is accepted). */
  DOUBLE(Double.class),
  /** true or false; sorts false before true. Java Boolean. */
  BOOL(Boolean.class),
  /**
   * A point in time, kept to the millisecond. Java Instant (OffsetDateTime and ZonedDateTime are
   * accepted).
   */
  DATETIME(Instant.class),
  /**
   * A list of exact strings (tags, labels): {@code Tags = 'x'} matches when the list contains
   * {@code x}, {@code Tags IN ('a', 'b')} when it contains any of them, {@code !=} and {@code NOT
   * IN} when it has a value and contains none; {@code IS NULL}. Not sortable, no ranges. Java
   * {@code List<String>}, never empty (an empty list is the attribute's removal), order kept.
   */
  KEYWORD_LIST(List.class);

  private final Class<?> javaType;

  SearchAttributeType(Class<?> javaType) {
    this.javaType = javaType;
  }

  /** Returns the Java type a store holds this type's values as. */
  public Class<?> javaType() {
    return javaType;
  }
}
