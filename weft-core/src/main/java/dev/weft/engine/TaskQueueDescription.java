package dev.weft.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a task queue holds and who serves it, as seen by one node ({@link
 * WeftEngine#describeTaskQueue}): the backlog comes from the store (all nodes), the pollers from
 * this node's memory (those that polled it here in the last few minutes).
 *
 * @param taskQueue the queue
 * @param workflowTaskBacklog workflow tasks waiting for a worker (visible, not leased)
 * @param activityTaskBacklog activity tasks waiting for a worker
 * @param oldestTaskAge how long the longest-waiting task has waited; zero when none waits
 * @param paused whether the queue is paused ({@link dev.weft.client.WeftClient#pauseTaskQueue})
 * @param pauseReason the reason given to the pause, or null when not paused
 * @param pollers this node's pollers of the queue, most recent poll first
 * @param describedAt when the description was taken
 */
public record TaskQueueDescription(
    String taskQueue,
    long workflowTaskBacklog,
    long activityTaskBacklog,
    Duration oldestTaskAge,
    boolean paused,
    String pauseReason,
    List<TaskQueuePoller> pollers,
    Instant describedAt) {

  /** Validates the record and copies the list. */
  public TaskQueueDescription {
    Objects.requireNonNull(taskQueue, "taskQueue");
    Objects.requireNonNull(oldestTaskAge, "oldestTaskAge");
    Objects.requireNonNull(describedAt, "describedAt");
    pollers = List.copyOf(pollers);
  }
}
