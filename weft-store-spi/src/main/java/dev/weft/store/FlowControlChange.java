package dev.weft.store;

import java.util.Objects;

/**
 * A change to the flow-control settings of a task queue, applied by {@link Store#changeFlowControl}
 * in one transaction. Every change but {@link RegisterQueue} requires the queue to be known
 * (registered before); otherwise the store throws {@link UnknownTaskQueueException} and changes
 * nothing.
 */
public sealed interface FlowControlChange {

  /** The queue the change is about. */
  String taskQueue();

  /** Makes a queue known (a worker serves it). Idempotent. */
  record RegisterQueue(String taskQueue) implements FlowControlChange {
    /** Validates the change. */
    public RegisterQueue {
      requireQueue(taskQueue);
    }
  }

  /**
   * Pauses a whole queue: no task of it (workflow or activity) is handed out until it is resumed.
   * Running tasks finish. Pausing a paused queue keeps the first pause.
   */
  record PauseQueue(String taskQueue, Pause pause) implements FlowControlChange {
    /** Validates the change. */
    public PauseQueue {
      requireQueue(taskQueue);
      Objects.requireNonNull(pause, "pause");
    }
  }

  /** Resumes a paused queue; resuming one that is not paused does nothing. */
  record ResumeQueue(String taskQueue) implements FlowControlChange {
    /** Validates the change. */
    public ResumeQueue {
      requireQueue(taskQueue);
    }
  }

  /** Pauses the activities of one type on a queue. */
  record PauseActivityType(String taskQueue, String activityType, Pause pause)
      implements FlowControlChange {
    /** Validates the change. */
    public PauseActivityType {
      requireQueue(taskQueue);
      requireType(activityType);
      Objects.requireNonNull(pause, "pause");
    }
  }

  /** Resumes the activities of one type on a queue. */
  record ResumeActivityType(String taskQueue, String activityType) implements FlowControlChange {
    /** Validates the change. */
    public ResumeActivityType {
      requireQueue(taskQueue);
      requireType(activityType);
    }
  }

  /** Sets (or, with {@code null}, removes) the rate limit of a queue's activity tasks. */
  record SetQueueRate(String taskQueue, RateLimit rate) implements FlowControlChange {
    /** Validates the change. */
    public SetQueueRate {
      requireQueue(taskQueue);
    }
  }

  /**
   * Sets (or, with {@code null}, removes) the limits of a fairness key on a queue. The key must not
   * be empty: tasks without a key are limited with the queue's rate ({@link SetQueueRate}) or its
   * workers' slots.
   */
  record SetKeyLimit(String taskQueue, String fairnessKey, KeyLimit limit)
      implements FlowControlChange {
    /** Validates the change. */
    public SetKeyLimit {
      requireQueue(taskQueue);
      if (fairnessKey == null || fairnessKey.isEmpty()) {
        throw new IllegalArgumentException(
            "fairnessKey of a key limit must not be empty, was '"
                + fairnessKey
                + "'; limit tasks without a key with the queue's rate limit");
      }
    }
  }

  private static void requireQueue(String taskQueue) {
    if (taskQueue == null || taskQueue.isBlank()) {
      throw new IllegalArgumentException("taskQueue must not be blank, was '" + taskQueue + "'");
    }
  }

  private static void requireType(String activityType) {
    if (activityType == null || activityType.isBlank()) {
      throw new IllegalArgumentException(
          "activityType must not be blank, was '" + activityType + "'");
    }
  }
}
