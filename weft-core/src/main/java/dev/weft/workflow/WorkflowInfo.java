package dev.weft.workflow;

/**
 * What a workflow run knows about itself.
 *
 * @param namespace the namespace
 * @param workflowId the workflow ID
 * @param runId the run ID
 * @param workflowType the workflow type
 * @param taskQueue the task queue of its workflow tasks
 * @param attempt the attempt of the workflow under its retry policy: 1, then 2 for the run that
 *     retries a failed or timed-out first run, and so on
 * @param continuedFromRunId the run this one continues (continue-as-new or a retry), or null
 */
public record WorkflowInfo(
    String namespace,
    String workflowId,
    String runId,
    String workflowType,
    String taskQueue,
    int attempt,
    String continuedFromRunId) {

  /** The identity of a run, before its start event is read (attempt 1, not continued). */
  public WorkflowInfo(
      String namespace, String workflowId, String runId, String workflowType, String taskQueue) {
    this(namespace, workflowId, runId, workflowType, taskQueue, 1, null);
  }
}
