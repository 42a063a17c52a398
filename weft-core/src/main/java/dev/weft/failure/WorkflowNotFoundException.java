package dev.weft.failure;

/** No run exists with the given workflow ID (or run ID). */
public final class WorkflowNotFoundException extends WeftException {
  private final String workflowId;
  private final String runId;

  /** Creates the exception for a workflow ID, and a run ID if one was given. */
  public WorkflowNotFoundException(String workflowId, String runId) {
    super(
        runId == null
            ? "no workflow with ID '" + workflowId + "'"
            : "no run " + runId + " of workflow '" + workflowId + "'");
    this.workflowId = workflowId;
    this.runId = runId;
  }

  /** Returns the workflow ID that was looked up. */
  public String getWorkflowId() {
    return workflowId;
  }

  /** Returns the run ID that was looked up, or null when any run of the workflow would do. */
  public String getRunId() {
    return runId;
  }
}
