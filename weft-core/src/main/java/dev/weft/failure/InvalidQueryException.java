package dev.weft.failure;

/**
 * A list query could not be used: bad syntax, an unknown field, a value of the wrong type, or an
 * operator its field does not support. The message names the offending token and its position;
 * {@link #getQuery()} and {@link #getPosition()} give both. Nothing was read or written.
 */
public final class InvalidQueryException extends WeftException {
  private final String query;
  private final int position;

  /** Creates the exception for {@code query}; {@code problem} names the token and position. */
  public InvalidQueryException(String query, String problem, int position) {
    super("invalid list query \"" + query + "\": " + problem);
    this.query = query;
    this.position = position;
  }

  /** Returns the query as given. */
  public String getQuery() {
    return query;
  }

  /** Returns the 1-based character position of the offending token in the query. */
  public int getPosition() {
    return position;
  }
}
