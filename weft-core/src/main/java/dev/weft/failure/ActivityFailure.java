package dev.weft.failure;

/**
 * An activity failed for good: its last attempt failed and the retry policy gave up, or it timed
 * out, or it was cancelled. Thrown to the workflow code that awaited the activity; {@link
 * #getCause()} says why ({@link ApplicationFailure}, {@link TimeoutFailure}, {@link
 * CanceledFailure}).
 */
public final class ActivityFailure extends WeftFailure {
  private final String activityType;
  private final long seq;
  private final int attempt;

  /**
   * Creates a failure.
   *
   * @param activityType the activity type
   * @param seq the workflow's command sequence number of the activity
   * @param attempt the number of attempts made
   * @param cause why it failed
   */
  public ActivityFailure(String activityType, long seq, int attempt, Throwable cause) {
    super(
        "activity '"
            + activityType
            + "' (seq "
            + seq
            + ") failed after "
            + attempt
            + (attempt == 1 ? " attempt" : " attempts")
            + (cause == null ? "" : ": " + cause.getMessage()),
        cause);
    this.activityType = activityType;
    this.seq = seq;
    this.attempt = attempt;
  }

  /** Returns the activity type. */
  public String getActivityType() {
    return activityType;
  }

  /** Returns the workflow's command sequence number of the activity. */
  public long getSeq() {
    return seq;
  }

  /** Returns the number of attempts made. */
  public int getAttempt() {
    return attempt;
  }
}
