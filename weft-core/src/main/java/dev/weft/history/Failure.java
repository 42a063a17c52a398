package dev.weft.history;

/**
 * A failure as recorded in history and passed between activities, workflows and clients.
 *
 * @param kind which failure class: {@code APPLICATION}, {@code ACTIVITY}, {@code CHILD_WORKFLOW},
 *     {@code CANCELED}, {@code TIMEOUT} or {@code TERMINATED}
 * @param type for application failures, the failure type (an exception's class name); for timeouts,
 *     the timeout type; for activity failures, the activity type; for child workflow failures, the
 *     child's workflow type
 * @param message the message
 * @param stackTrace where it was thrown, as text (may be empty)
 * @param nonRetryable whether retry policies must not retry it
 * @param seq for activity failures, the activity's sequence number
 * @param attempt for activity failures, the number of attempts made
 * @param cause the underlying failure, or {@code null}
 * @param workflowId for child workflow failures, the child's workflow ID, else {@code null}
 * @param runId for child workflow failures, the child's run, else {@code null}
 * @param nextRetryDelay for application failures, the delay before the next attempt that the code
 *     asked for ({@code ApplicationFailure.getNextRetryDelay()}), overriding the retry policy's
 *     backoff; else {@code null}
 */
public record Failure(
    String kind,
    String type,
    String message,
    String stackTrace,
    boolean nonRetryable,
    long seq,
    int attempt,
    Failure cause,
    String workflowId,
    String runId,
    java.time.Duration nextRetryDelay) {

  /** A failure with no retry delay of its own. */
  public Failure(
      String kind,
      String type,
      String message,
      String stackTrace,
      boolean nonRetryable,
      long seq,
      int attempt,
      Failure cause,
      String workflowId,
      String runId) {
    this(
        kind,
        type,
        message,
        stackTrace,
        nonRetryable,
        seq,
        attempt,
        cause,
        workflowId,
        runId,
        null);
  }

  /** A failure that is not about a child workflow. */
  public Failure(
      String kind,
      String type,
      String message,
      String stackTrace,
      boolean nonRetryable,
      long seq,
      int attempt,
      Failure cause) {
    this(kind, type, message, stackTrace, nonRetryable, seq, attempt, cause, null, null, null);
  }

  /** A child workflow failed for good. */
  public static final String CHILD_WORKFLOW = "CHILD_WORKFLOW";

  /** Failure of application code. */
  public static final String APPLICATION = "APPLICATION";

  /** An activity failed for good. */
  public static final String ACTIVITY = "ACTIVITY";

  /** Something was cancelled. */
  public static final String CANCELED = "CANCELED";

  /** A timeout expired. */
  public static final String TIMEOUT = "TIMEOUT";

  /** The run was terminated. */
  public static final String TERMINATED = "TERMINATED";

  @Override
  public String toString() {
    return kind + "[" + type + "]: " + message + (cause == null ? "" : " (cause: " + cause + ")");
  }
}
