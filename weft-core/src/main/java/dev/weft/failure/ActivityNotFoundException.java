package dev.weft.failure;

/**
 * A task token names no activity attempt that is still waiting: it completed, timed out and was
 * retried, was cancelled, or its run closed. Nothing was written.
 *
 * <p>When the token is a Weft task token, the exception names the activity it points at: the run
 * ({@link #getRunId()}) and the activity's sequence number in that run ({@link #getSeq()}).
 */
public class ActivityNotFoundException extends WeftException {
  private final String taskToken;
  private final String runId;
  private final long seq;

  /** Creates the exception for a token that names no activity; {@code why} says why. */
  public ActivityNotFoundException(String taskToken, String why) {
    this(taskToken, null, -1, why);
  }

  /**
   * Creates the exception for a token that names activity {@code seq} of run {@code runId}; {@code
   * why} says what was found instead of a waiting attempt.
   */
  public ActivityNotFoundException(String taskToken, String runId, long seq, String why) {
    super("no activity attempt is waiting for task token " + taskToken + ": " + why);
    this.taskToken = taskToken;
    this.runId = runId;
    this.seq = seq;
  }

  /** Returns the task token that was given. */
  public String getTaskToken() {
    return taskToken;
  }

  /** Returns the run the token names, or null if the token is not a Weft task token. */
  public String getRunId() {
    return runId;
  }

  /** Returns the activity's sequence number in its run, or -1 if the token names no activity. */
  public long getSeq() {
    return seq;
  }
}
