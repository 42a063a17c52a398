package dev.weft.client;

import dev.weft.common.WorkflowStatus;
import dev.weft.store.Pause;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
 * @param runDeadline when it times out (its run timeout or the workflow's execution timeout), or
 *     {@code null}
 * @param searchAttributes its search attributes, in name order (String, Long, Double, Boolean or
 *     Instant values)
 * @param memo its memo, as the data converter reads it back (JSON values by default)
 * @param historyWarning why its history is past a warning limit (size, limits and the way out,
 *     continue-as-new), or {@code null} if it is not
 * @param pause when, why and by whom it was paused, or {@code null} if it is not paused
 * @param workflowTaskStallReason why its workflow task waits with no worker to take it (for example
 *     {@code no worker on queue 'orders' has polled for workflow type 'Order' in 1m}), or {@code
 *     null}; see {@code WeftEngine.Builder.stallWarningAfter}
 * @param nonDeterminism when its workflow task fails with a non-determinism error, the two sides
 *     (the same error is in {@code workflowTaskFailure} as text), or {@code null}
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
    String workflowTaskFailure,
    Instant runDeadline,
    Map<String, Object> searchAttributes,
    Map<String, Object> memo,
    String historyWarning,
    Pause pause,
    String workflowTaskStallReason,
    NonDeterminismFailure nonDeterminism) {

  /** Returns whether the run is paused (see {@link WorkflowHandle#pause}). */
  public boolean isPaused() {
    return pause != null;
  }

  /** Copies the lists and maps. */
  public WorkflowDescription {
    pendingActivities = List.copyOf(pendingActivities);
    pendingTimers = List.copyOf(pendingTimers);
    searchAttributes = Collections.unmodifiableMap(new TreeMap<>(searchAttributes));
    memo = Collections.unmodifiableMap(new TreeMap<>(memo));
  }
}
