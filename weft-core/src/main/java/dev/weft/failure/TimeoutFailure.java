package dev.weft.failure;

/** A timeout expired. The cause of an {@link ActivityFailure} when an activity timed out. */
public final class TimeoutFailure extends WeftFailure {
  private final TimeoutType timeoutType;

  /** Creates a failure for the given timeout, with the last attempt's failure as cause if any. */
  public TimeoutFailure(TimeoutType timeoutType, String message, Throwable cause) {
    super(message, cause);
    this.timeoutType = timeoutType;
  }

  /** Returns which timeout expired. */
  public TimeoutType getTimeoutType() {
    return timeoutType;
  }
}
