package dev.weft.failure;

import java.time.Duration;

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
  private final Duration nextRetryDelay;

  /**
   * Creates a failure.
   *
   * @param message what went wrong
   * @param type the failure type that retry policies and handlers match on
   * @param nonRetryable whether a retry policy must not retry it
   * @param cause the underlying failure, or {@code null}
   */
  public ApplicationFailure(String message, String type, boolean nonRetryable, Throwable cause) {
    this(message, type, nonRetryable, cause, null);
  }

  /**
   * Creates a failure that asks for the next attempt after {@code nextRetryDelay} instead of the
   * retry policy's backoff (for example the delay of a service's {@code Retry-After}).
   *
   * @throws IllegalArgumentException if the delay is negative
   */
  public ApplicationFailure(
      String message, String type, boolean nonRetryable, Throwable cause, Duration nextRetryDelay) {
    super(message, cause);
    if (nextRetryDelay != null && nextRetryDelay.isNegative()) {
      throw new IllegalArgumentException(
          "ApplicationFailure.nextRetryDelay must not be negative, was " + nextRetryDelay);
    }
    this.type = type == null ? "ApplicationFailure" : type;
    this.nonRetryable = nonRetryable;
    this.nextRetryDelay = nextRetryDelay;
  }

  /**
   * Returns a retryable failure whose next attempt comes after {@code nextRetryDelay}, whatever the
   * retry policy's backoff says; the policy's maximum attempts and the schedule-to-close timeout
   * still apply. Temporal's name.
   *
   * <pre>{@code
   * throw ApplicationFailure.newFailureWithCauseAndDelay(
   *     "service is down", "ServiceDown", e, Duration.ofMinutes(e.retryAfterMinutes()));
   * }</pre>
   */
  public static ApplicationFailure newFailureWithCauseAndDelay(
      String message, String type, Throwable cause, Duration nextRetryDelay) {
    return new ApplicationFailure(message, type, false, cause, nextRetryDelay);
  }

  /** Returns the delay before the next attempt this failure asks for, or {@code null}. */
  public Duration getNextRetryDelay() {
    return nextRetryDelay;
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
