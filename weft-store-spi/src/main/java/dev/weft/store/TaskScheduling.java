package dev.weft.store;

import java.util.Objects;

/**
 * Where a task stands in its queue: its priority, and the fairness key whose share of the queue it
 * draws on.
 *
 * <p><b>Priority</b> is strict between levels (1 is served before 2, ..., before 5), with one rule
 * against starvation: a level with tasks waiting gets its next task handed out after at most 20
 * tasks of better levels went past it (counted per store instance, that is per node). Within a
 * level, keys share the queue in weighted round robin (see {@link #fairnessWeight}); within a key,
 * tasks go in the order they were queued. The rules in full: {@code docs/flow-control.md}.
 *
 * @param priority 1 (highest) to 5 (lowest); 3 by default
 * @param fairnessKey the key that shares the queue fairly with the other keys (a tenant, a chain);
 *     the empty string for tasks without one (they share one key)
 * @param fairnessWeight the key's share: a key of weight 2 is served twice as often as a key of
 *     weight 1 while both have tasks waiting. Positive; 1 by default
 */
public record TaskScheduling(int priority, String fairnessKey, double fairnessWeight) {

  /** The highest priority. */
  public static final int HIGHEST_PRIORITY = 1;

  /** The lowest priority. */
  public static final int LOWEST_PRIORITY = 5;

  /** The priority of tasks that do not ask for one. */
  public static final int DEFAULT_PRIORITY = 3;

  /** The longest a fairness key may be, in characters. */
  public static final int MAX_KEY_LENGTH = 255;

  /** The largest weight a key may have. */
  public static final double MAX_WEIGHT = 1_000;

  /** Default priority, no fairness key, weight 1. */
  public static final TaskScheduling DEFAULT = new TaskScheduling(DEFAULT_PRIORITY, "", 1.0);

  /** Validates the values; each error names the field, the value and what is allowed. */
  public TaskScheduling {
    checkPriority(priority);
    Objects.requireNonNull(fairnessKey, "fairnessKey");
    if (fairnessKey.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "fairnessKey must be at most "
              + MAX_KEY_LENGTH
              + " characters, was "
              + fairnessKey.length());
    }
    if (!(fairnessWeight > 0) || fairnessWeight > MAX_WEIGHT || Double.isNaN(fairnessWeight)) {
      throw new IllegalArgumentException(
          "fairnessWeight must be > 0 and <= " + MAX_WEIGHT + ", was " + fairnessWeight);
    }
  }

  /** Returns this scheduling with another priority. */
  public TaskScheduling withPriority(int newPriority) {
    return new TaskScheduling(newPriority, fairnessKey, fairnessWeight);
  }

  /**
   * Checks a priority value.
   *
   * @throws IllegalArgumentException naming the value when it is not between 1 and 5
   */
  public static int checkPriority(int priority) {
    if (priority < HIGHEST_PRIORITY || priority > LOWEST_PRIORITY) {
      throw new IllegalArgumentException(
          "priority must be between "
              + HIGHEST_PRIORITY
              + " (highest) and "
              + LOWEST_PRIORITY
              + " (lowest), was "
              + priority);
    }
    return priority;
  }
}
