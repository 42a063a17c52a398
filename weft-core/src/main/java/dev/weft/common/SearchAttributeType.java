package dev.weft.common;

/**
 * The type of a search attribute: what values it takes and how lists can filter on it. Register
 * each custom attribute with its type on the engine ({@code
 * WeftEngine.Builder.registerSearchAttribute}), as Temporal users do per namespace.
 */
public enum SearchAttributeType {
  /**
   * An exact string (an ID, a status, a tag): {@code =}, {@code IN}, ranges, STARTS_WITH. Java
   * String.
   */
  KEYWORD,
  /** Free text: {@code =} means "contains, ignoring case". Java String. */
  TEXT,
  /** A whole number. Java Long (Integer, Short and Byte are accepted). */
  INT,
  /** A floating-point number. Java Double (any Number is accepted). */
  DOUBLE,
  /** true or false. Java Boolean. */
  BOOL,
  /**
   * A point in time, kept to the millisecond. Java Instant (OffsetDateTime and ZonedDateTime are
   * accepted).
   */
  DATETIME
}
