package dev.weft.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The tasks of one queue waiting for a worker at a moment: visible and not leased (a running task
 * or one delayed by a retry backoff is not waiting).
 *
 * @param taskQueue the queue
 * @param workflowTasks how many workflow tasks wait
 * @param activityTasks how many activity tasks wait
 * @param oldestWorkflowTask since when the longest-waiting workflow task has been visible, or null
 * @param oldestActivityTask since when the longest-waiting activity task has been visible, or null
 */
public record TaskQueueBacklog(
    String taskQueue,
    long workflowTasks,
    long activityTasks,
    Instant oldestWorkflowTask,
    Instant oldestActivityTask) {

  /** Validates the record. */
  public TaskQueueBacklog {
    Objects.requireNonNull(taskQueue, "taskQueue");
  }

  /**
   * Returns how long the longest-waiting task (of either kind) has waited at {@code now}; zero when
   * nothing waits.
   */
  public Duration oldestTaskAge(Instant now) {
    Instant oldest = oldestWorkflowTask;
    if (oldestActivityTask != null && (oldest == null || oldestActivityTask.isBefore(oldest))) {
      oldest = oldestActivityTask;
    }
    if (oldest == null || oldest.isAfter(now)) {
      return Duration.ZERO;
    }
    return Duration.between(oldest, now);
  }
}
