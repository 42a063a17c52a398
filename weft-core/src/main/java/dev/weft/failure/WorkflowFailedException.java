package dev.weft.failure;

import dev.weft.common.WorkflowStatus;

/**
 * A client awaited a workflow's result and the run did not complete: it failed, was cancelled,
 * terminated or timed out. {@link #getCause()} is the failure ({@link ApplicationFailure}, {@link
 * ActivityFailure}, {@link CanceledFailure}, {@link TerminatedFailure}, ...).
 */
public final class WorkflowFailedException extends WeftException {
  private final String workflowId;
  private final String runId;
  private final WorkflowStatus status;

  /** Creates the exception for a run that closed with {@code status}. */
  public WorkflowFailedException(
      String workflowId, String runId, WorkflowStatus status, Throwable cause) {
    super(
        "workflow '"
            + workflowId
            + "' (run "
            + runId
            + ") ended "
            + status
            + (cause == null ? "" : ": " + cause.getMessage()),
        cause);
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

  /** Returns how the run ended. */
  public WorkflowStatus getStatus() {
    return status;
  }
}
