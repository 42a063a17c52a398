package dev.weft.failure;

/**
 * A task token names no activity attempt that is still waiting: it completed, timed out and was
 * retried, was cancelled, or its run closed. Nothing was written.
 */
public class ActivityNotFoundException extends WeftException {

  /** Creates the exception; {@code why} says what was found instead. */
  public ActivityNotFoundException(String taskToken, String why) {
    super("no activity attempt is waiting for task token " + taskToken + ": " + why);
  }
}
