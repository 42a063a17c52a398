package dev.weft.store;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The flow-control settings of all task queues, as one consistent snapshot: which queues exist,
 * which are paused (whole, or for some activity types), and their rate and per-key limits. Small by
 * nature (settings, not tasks), so workers keep a copy to decide, without a read, whether a task
 * may skip the queue (eager dispatch is only for tasks no setting governs).
 *
 * @param queues the task queues known to the store (registered by a worker, or named by a setting)
 * @param pausedQueues the paused queues
 * @param pausedActivityTypes per queue, the paused activity types
 * @param queueRates per queue, the rate limit of its activity tasks
 * @param keyLimits per queue, the limits of its fairness keys
 */
public record FlowControl(
    Set<String> queues,
    Map<String, Pause> pausedQueues,
    Map<String, Map<String, Pause>> pausedActivityTypes,
    Map<String, RateLimit> queueRates,
    Map<String, Map<String, KeyLimit>> keyLimits) {

  /** No queues, nothing paused, no limits. */
  public static final FlowControl NONE =
      new FlowControl(Set.of(), Map.of(), Map.of(), Map.of(), Map.of());

  /** Copies the collections. */
  public FlowControl {
    queues = Set.copyOf(queues);
    pausedQueues = Map.copyOf(pausedQueues);
    pausedActivityTypes = Map.copyOf(pausedActivityTypes);
    queueRates = Map.copyOf(queueRates);
    keyLimits = Map.copyOf(keyLimits);
  }

  /** Returns whether {@code taskQueue} is paused as a whole. */
  public boolean isPaused(String taskQueue) {
    return pausedQueues.containsKey(taskQueue);
  }

  /** Returns whether activities of {@code activityType} are paused on {@code taskQueue}. */
  public boolean isPaused(String taskQueue, String activityType) {
    return isPaused(taskQueue)
        || pausedActivityTypes.getOrDefault(taskQueue, Map.of()).containsKey(activityType);
  }

  /**
   * Returns whether an activity task must go through its queue's claim (which enforces pauses and
   * limits) rather than be handed to a worker directly: its queue or type is paused, the queue has
   * a rate limit, or its key has limits.
   */
  public boolean governs(String taskQueue, String activityType, String fairnessKey) {
    Objects.requireNonNull(fairnessKey, "fairnessKey");
    return isPaused(taskQueue, activityType)
        || queueRates.containsKey(taskQueue)
        || keyLimits.getOrDefault(taskQueue, Map.of()).containsKey(fairnessKey);
  }
}
