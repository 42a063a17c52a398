package dev.weft.failure;

/**
 * The workflow's validator refused an update (or the workflow has no such update). The workflow is
 * unchanged and its history holds no trace of the request; {@link #getCause()} is what the
 * validator threw, as a failure.
 */
public final class UpdateRejectedException extends WorkflowUpdateException {

  /** Creates the exception. */
  public UpdateRejectedException(String workflowId, String updateName, Throwable cause) {
    super(workflowId, updateName, "was rejected", cause);
  }
}
