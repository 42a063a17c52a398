package dev.weft.client;

import dev.weft.common.WorkflowStatus;
import dev.weft.store.Pause;
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
 * @param pause when, why and by whom the run was paused, or {@code null} if it is not paused (see
 *     {@link WorkflowHandle#pause}); list only paused runs with the query {@code Paused = true}
 */
public record WorkflowSummary(
    String workflowId,
    String runId,
    String workflowType,
    String taskQueue,
    WorkflowStatus status,
    Instant startTime,
    Instant closeTime,
    Pause pause) {

  /** A summary of a run that is not paused. */
  public WorkflowSummary(
      String workflowId,
      String runId,
      String workflowType,
      String taskQueue,
      WorkflowStatus status,
      Instant startTime,
      Instant closeTime) {
    this(workflowId, runId, workflowType, taskQueue, status, startTime, closeTime, null);
  }

  /** Returns whether the run is paused. */
  public boolean isPaused() {
    return pause != null;
  }
}
