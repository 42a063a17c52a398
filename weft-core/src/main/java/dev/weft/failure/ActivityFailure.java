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
    super(message(activityType, seq, attempt, cause), cause);
    this.activityType = activityType;
    this.seq = seq;
    this.attempt = attempt;
  }

  /**
   * Says what happened: {@code activity 'Charge' (seq 3) failed after 2 attempts: <cause>}, or for
   * a cancellation (a {@link CanceledFailure} cause) {@code activity 'Charge' (seq 3) canceled:
   * <reason>}, since a cancelled activity did not fail and its attempts are not awaited.
   */
  private static String message(String activityType, long seq, int attempt, Throwable cause) {
    String activity = "activity '" + activityType + "' (seq " + seq + ")";
    if (cause instanceof CanceledFailure) {
      return activity + " canceled: " + cause.getMessage();
    }
    return activity
        + " failed after "
        + attempt
        + (attempt == 1 ? " attempt" : " attempts")
        + (cause == null ? "" : ": " + cause.getMessage());
  }

  /** Returns the activity type. */
  public String getActivityType() {
    return activityType;
  }

  /** Returns the workflow's command sequence number of the activity. */
  public long getSeq() {
    return seq;
  }

  /**
   * Returns the number of attempts made; 0 for a cancellation, where the workflow does not wait for
   * the running attempt's outcome.
   */
  public int getAttempt() {
    return attempt;
  }
}
