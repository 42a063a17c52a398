package dev.weft.failure;

/**
 * The operation was cancelled: thrown from a workflow's blocking call when its cancellation scope
 * (or the whole workflow) is cancelled, and from an activity or timer that was cancelled. A
 * workflow method that lets it escape after a cancel request ends the run as {@code CANCELED}.
 */
public final class CanceledFailure extends WeftFailure {

  /** Creates a failure with a message saying what was cancelled. */
  public CanceledFailure(String message) {
    super(message, null);
  }

  /** Creates a failure with a message saying what was cancelled, and why. */
  public CanceledFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
