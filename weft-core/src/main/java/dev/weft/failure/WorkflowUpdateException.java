package dev.weft.failure;

/**
 * An update did not produce a result: it was rejected ({@link UpdateRejectedException}) or its
 * handler failed ({@link UpdateFailedException}). {@link #getCause()} says why.
 */
public abstract class WorkflowUpdateException extends WeftException {
  private final String workflowId;
  private final String updateName;

  /** Creates the exception; {@code what} says what happened ("was rejected", "failed"). */
  protected WorkflowUpdateException(
      String workflowId, String updateName, String what, Throwable cause) {
    super(
        "update '"
            + updateName
            + "' of workflow '"
            + workflowId
            + "' "
            + what
            + ": "
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
