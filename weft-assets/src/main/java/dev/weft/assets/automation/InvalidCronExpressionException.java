package dev.weft.assets.automation;

/**
 * A cron expression does not parse; names the expression, the position (0-based character offset)
 * and what was expected.
 */
public final class InvalidCronExpressionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String expression;
  private final int position;

  InvalidCronExpressionException(String expression, int position, String problem) {
    super(
        "cron expression '"
            + expression
            + "' is invalid at position "
            + position
            + ": "
            + problem
            + " (expected five fields: minute hour day-of-month month day-of-week, e.g. '0 2 * *"
            + " *')");
    this.expression = expression;
    this.position = position;
  }

  /** Returns the expression. */
  public String expression() {
    return expression;
  }

  /** Returns the 0-based character offset of the error. */
  public int position() {
    return position;
  }
}
