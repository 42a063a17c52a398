package dev.weft.store;

/**
 * A list query could not be parsed, or names an unknown field, a value of the wrong type, or an
 * operator its field does not support. The message names the problem, the offending token and its
 * position, for example {@code unexpected token ')' at position 27: expected a value}.
 */
public final class FilterSyntaxException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int position;

  /**
   * Creates an exception.
   *
   * @param message what is wrong, naming the token and position
   * @param position the 1-based character position of the offending token in the query
   */
  public FilterSyntaxException(String message, int position) {
    super(message);
    this.position = position;
  }

  /** Returns the 1-based character position of the offending token in the query. */
  public int position() {
    return position;
  }
}
