package dev.weft.failure;

import dev.weft.common.WorkflowStatus;

/**
 * An operation that needs a running workflow (signal, cancel, terminate) was sent to a closed run.
 * Nothing was written.
 */
public final class WorkflowNotRunningException extends WeftException {
  private final String workflowId;
  private final String runId;
  private final WorkflowStatus status;

  /** Creates the exception; {@code operation} names what was attempted ("signal 'approve'"). */
  public WorkflowNotRunningException(
      String operation, String workflowId, String runId, WorkflowStatus status) {
    super(
        "cannot "
            + operation
            + ": workflow '"
            + workflowId
            + "' (run "
            + runId
            + ") is "
            + status
            + ", not RUNNING");
    this.workflowId = workflowId;
    this.runId = runId;
    this.status = status;
  }

  /** Returns the workflow ID. */
  public String getWorkflowId() {
    return workflowId;
  }

  /** Returns the run ID. */
  public String getRunId() {
    return runId;
  }

  /** Returns the run's status. */
  public WorkflowStatus getStatus() {
    return status;
  }
}
