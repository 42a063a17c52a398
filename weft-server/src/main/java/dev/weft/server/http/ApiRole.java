package dev.weft.server.http;

/**
 * What a caller may do, from least to most: each role may do what the roles before it may.
 *
 * <ul>
 *   <li>{@link #READER}: describe, list, count, history, query, health;
 *   <li>{@link #WORKER}: a reader that also polls, heartbeats, completes and fails activity tasks;
 *   <li>{@link #OPERATOR}: starts, signals, updates, cancels, terminates, resets, pauses;
 *   <li>{@link #ADMIN}: namespaces and tokens.
 * </ul>
 */
public enum ApiRole {
  READER,
  WORKER,
  OPERATOR,
  ADMIN;

  /** Whether a caller with this role may call a route that needs {@code needed}. */
  public boolean covers(ApiRole needed) {
    return compareTo(needed) >= 0;
  }
}
