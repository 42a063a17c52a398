package dev.weft.history;

/**
 * The workflow that started a run as its child.
 *
 * @param workflowId the parent's workflow ID
 * @param runId the parent's run ID
 * @param seq the parent's sequence number of the child command
 * @param taskQueue the parent's task queue (where the child's outcome wakes it)
 */
public record ParentRun(String workflowId, String runId, long seq, String taskQueue) {}
