package dev.weft.failure;

/**
 * Base of the failures that cross the boundary between activities, workflows and clients and are
 * recorded in history. Workflow code may catch them; a workflow method that throws one fails the
 * workflow (any other exception fails only the current workflow task, which is retried, so that a
 * fixed deploy can resume the run).
 */
public abstract class WeftFailure extends RuntimeException {

  /** Creates a failure. */
  protected WeftFailure(String message, Throwable cause) {
    super(message, cause);
  }

  /** Returns the message without the class prefix that {@link #toString()} adds. */
  public String getOriginalMessage() {
    return getMessage();
  }
}
