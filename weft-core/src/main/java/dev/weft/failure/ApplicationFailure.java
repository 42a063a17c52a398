package dev.weft.failure;

/**
 * A failure raised by application code, identified by a {@code type} string.
 *
 * <p>Any exception an activity throws becomes an {@code ApplicationFailure} whose type is the
 * exception's class name; activities and workflows may also throw one directly to choose the type
 * and whether retrying makes sense:
 *
 * <pre>{@code
 * throw ApplicationFailure.newNonRetryableFailure("card declined", "PaymentDeclined");
 * }</pre>
 *
 * Retry policies list non-retryable types by this string.
 */
public final class ApplicationFailure extends WeftFailure {
  private final String type;
  private final boolean nonRetryable;

  /**
   * Creates a failure.
   *
   * @param message what went wrong
   * @param type the failure type that retry policies and handlers match on
   * @param nonRetryable whether a retry policy must not retry it
   * @param cause the underlying failure, or {@code null}
   */
  public ApplicationFailure(String message, String type, boolean nonRetryable, Throwable cause) {
    super(message, cause);
    this.type = type == null ? "ApplicationFailure" : type;
    this.nonRetryable = nonRetryable;
  }

  /** Returns a retryable failure of the given type. */
  public static ApplicationFailure newFailure(String message, String type) {
    return new ApplicationFailure(message, type, false, null);
  }

  /** Returns a failure of the given type that retry policies never retry. */
  public static ApplicationFailure newNonRetryableFailure(String message, String type) {
    return new ApplicationFailure(message, type, true, null);
  }

  /** Returns the failure type (for a converted exception, its class name). */
  public String getType() {
    return type;
  }

  /** Returns whether a retry policy must not retry this failure. */
  public boolean isNonRetryable() {
    return nonRetryable;
  }

  @Override
  public String toString() {
    return "ApplicationFailure["
        + type
        + (nonRetryable ? ", non-retryable" : "")
        + "]: "
        + getMessage();
  }
}
