package dev.weft.store;

import dev.weft.common.WorkflowStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * One workflow run as the store keeps it: identity, type, queue, status and the history cursor.
 *
 * @param namespace the namespace the run belongs to
 * @param workflowId the user-chosen workflow ID; several runs may share it over time
 * @param runId the unique ID of this run
 * @param workflowType the registered workflow type name
 * @param taskQueue the task queue its workflow tasks are dispatched on
 * @param status the lifecycle state
 * @param startTime when the run started
 * @param closeTime when the run closed, or {@code null} while it is running
 * @param nextEventId the ID the next appended history event gets (1 for an empty history)
 * @param historyBytes the total size of the run's history event data
 */
public record RunRecord(
    String namespace,
    String workflowId,
    String runId,
    String workflowType,
    String taskQueue,
    WorkflowStatus status,
    Instant startTime,
    Instant closeTime,
    long nextEventId,
    long historyBytes) {

  /** Validates the record; every field but {@code closeTime} is required. */
  public RunRecord {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(workflowId, "workflowId");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(workflowType, "workflowType");
    Objects.requireNonNull(taskQueue, "taskQueue");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(startTime, "startTime");
    if (nextEventId < 1) {
      throw new IllegalArgumentException("nextEventId must be >= 1, was " + nextEventId);
    }
  }

  /** Returns a new open run record with an empty history. */
  public static RunRecord started(
      String namespace,
      String workflowId,
      String runId,
      String workflowType,
      String taskQueue,
      Instant startTime) {
    return new RunRecord(
        namespace,
        workflowId,
        runId,
        workflowType,
        taskQueue,
        WorkflowStatus.RUNNING,
        startTime,
        null,
        1,
        0);
  }
}
