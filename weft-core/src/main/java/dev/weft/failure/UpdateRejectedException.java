package dev.weft.failure;

/**
 * The workflow's validator refused an update (or the workflow has no such update). The workflow is
 * unchanged and its history holds no trace of the request; {@link #getCause()} is what the
 * validator threw, as a failure.
 */
public final class UpdateRejectedException extends WeftException {
  private final String workflowId;
  private final String updateName;

  /** Creates the exception. */
  public UpdateRejectedException(String workflowId, String updateName, Throwable cause) {
    super(
        "update '"
            + updateName
            + "' of workflow '"
            + workflowId
            + "' was rejected: "
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
