package dev.weft.failure;

/**
 * A task token names an activity attempt that no longer holds its task: its lease ran out (a start-
 * to-close or heartbeat timeout) and the activity was retried, completed by a later attempt,
 * cancelled, or its run closed. The worker that holds the token must stop; nothing was written.
 *
 * <p>A remote worker gets it for a late completion, failure or heartbeat; the HTTP API answers 409
 * {@code activity-lease-lost}. It is an {@link ActivityNotFoundException}, so code that handles the
 * latter for asynchronous completion keeps working.
 */
public final class ActivityLeaseLostException extends ActivityNotFoundException {

  /** Creates the exception; {@code why} says what was found instead of the attempt. */
  public ActivityLeaseLostException(String taskToken, String why) {
    super(taskToken, why);
  }

  /**
   * Creates the exception for a token that names activity {@code seq} of run {@code runId}; {@code
   * why} says what was found instead of the attempt.
   */
  public ActivityLeaseLostException(String taskToken, String runId, long seq, String why) {
    super(taskToken, runId, seq, why);
  }
}
