package dev.weft.client;

import java.time.Instant;
import java.util.List;

/**
 * A run as an operator sees it.
 *
 * @param workflowId the workflow ID
 * @param runId the run ID
 * @param workflowType the workflow type
 * @param taskQueue the task queue
 * @param status the status
 * @param startTime when it started
 * @param closeTime when it closed, or {@code null}
 * @param historyLength the number of history events
 * @param historyBytes the size of the history
 * @param pendingActivities activities it waits for
 * @param pendingTimers timers it waits for
 * @param workflowTaskAttempt attempts of its current workflow task (above 1 means it is failing)
 * @param workflowTaskFailure why its workflow task is failing (for example non-determinism, with
 *     both sides), or {@code null}
 */
public record WorkflowDescription(
    String workflowId,
    String runId,
    String workflowType,
    String taskQueue,
    WorkflowStatus status,
    Instant startTime,
    Instant closeTime,
    long historyLength,
    long historyBytes,
    List<PendingActivity> pendingActivities,
    List<PendingTimer> pendingTimers,
    int workflowTaskAttempt,
    String workflowTaskFailure) {

  /** Copies the lists. */
  public WorkflowDescription {
    pendingActivities = List.copyOf(pendingActivities);
    pendingTimers = List.copyOf(pendingTimers);
  }
}
