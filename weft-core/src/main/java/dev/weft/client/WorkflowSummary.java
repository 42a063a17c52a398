package dev.weft.client;

import java.time.Instant;

/**
 * One run in a listing.
 *
 * @param workflowId the workflow ID
 * @param runId the run ID
 * @param workflowType the workflow type
 * @param taskQueue the task queue
 * @param status the status
 * @param startTime when it started
 * @param closeTime when it closed, or {@code null}
 */
public record WorkflowSummary(
    String workflowId,
    String runId,
    String workflowType,
    String taskQueue,
    WorkflowStatus status,
    Instant startTime,
    Instant closeTime) {}
