package dev.weft.failure;

/**
 * An update was accepted but its handler failed with a failure (such as an {@link
 * ApplicationFailure}); the workflow goes on. {@link #getCause()} is that failure.
 */
public final class UpdateFailedException extends WeftException {
  private final String workflowId;
  private final String updateName;

  /** Creates the exception. */
  public UpdateFailedException(String workflowId, String updateName, Throwable cause) {
    super(
        "update '"
            + updateName
            + "' of workflow '"
            + workflowId
            + "' failed: "
            + (cause == null ? "" : cause.getMessage()),
        cause);
    this.workflowId = workflowId;
    this.updateName = updateName;
  }

  /** Returns the workflow ID. */
  public String getWorkflowId() {
    return workflowId;
  }

  /** Returns the update name. */
  public String getUpdateName() {
    return updateName;
  }
}
