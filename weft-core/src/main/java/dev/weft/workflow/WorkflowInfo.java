package dev.weft.workflow;

/**
 * What a workflow run knows about itself.
 *
 * @param namespace the namespace
 * @param workflowId the workflow ID
 * @param runId the run ID
 * @param workflowType the workflow type
 * @param taskQueue the task queue of its workflow tasks
 */
public record WorkflowInfo(
    String namespace, String workflowId, String runId, String workflowType, String taskQueue) {}
