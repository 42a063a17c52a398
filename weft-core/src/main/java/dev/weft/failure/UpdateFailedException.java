package dev.weft.failure;

/**
 * An update was accepted but its handler failed with a failure (such as an {@link
 * ApplicationFailure}); the workflow goes on. {@link #getCause()} is that failure.
 */
public final class UpdateFailedException extends WorkflowUpdateException {

  /** Creates the exception. */
  public UpdateFailedException(String workflowId, String updateName, Throwable cause) {
    super(workflowId, updateName, "failed", cause);
  }
}
