package dev.weft.failure;

/**
 * A start was refused because the workflow ID is taken: a run with it is running, or the ID reuse
 * policy forbids another run. Nothing was written.
 */
public final class WorkflowAlreadyStartedException extends WeftException {
  private final String workflowId;
  private final String existingRunId;

  /** Creates the exception; {@code detail} says which run and policy conflicted. */
  public WorkflowAlreadyStartedException(String workflowId, String existingRunId, String detail) {
    super("workflow ID '" + workflowId + "' is already in use: " + detail);
    this.workflowId = workflowId;
    this.existingRunId = existingRunId;
  }

  /** Returns the workflow ID. */
  public String getWorkflowId() {
    return workflowId;
  }

  /** Returns the run that holds the ID, or {@code null} if unknown. */
  public String getExistingRunId() {
    return existingRunId;
  }
}
