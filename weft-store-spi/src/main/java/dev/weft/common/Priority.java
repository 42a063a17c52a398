package dev.weft.common;

/**
 * Where a workflow's or an activity's tasks stand in their task queue: a priority level and a
 * fairness key with its weight. Every field may be left unset ({@code null}) to inherit it: a child
 * workflow or an activity inherits each unset field from the workflow that starts it, and a
 * workflow started by a client takes the defaults (priority {@value #DEFAULT_PRIORITY}, no key,
 * weight 1).
 *
 * <p>A queue hands out tasks of priority 1 before 2, ..., before 5; a level with tasks waiting gets
 * one task after at most 20 tasks of better levels went past it, so no level starves. Within a
 * level, fairness keys take turns in weighted round robin: a key with a large backlog does not
 * delay another key's task by more than about one task per busy key. See {@code
 * docs/flow-control.md}.
 *
 * @param priority 1 (highest) to 5 (lowest), or {@code null} to inherit
 * @param fairnessKey the key that shares the queue fairly with other keys (a tenant, a customer),
 *     or {@code null} to inherit; the empty string means no key
 * @param fairnessWeight the key's share relative to other keys (2 is served twice as often as 1),
 *     or {@code null} to inherit
 */
public record Priority(Integer priority, String fairnessKey, Double fairnessWeight) {

  /** The priority of work that sets none. */
  public static final int DEFAULT_PRIORITY = 3;

  /** Everything inherited. */
  public static final Priority INHERIT = new Priority(null, null, null);

  /** The defaults: priority 3, no fairness key, weight 1. */
  public static final Priority DEFAULT = new Priority(DEFAULT_PRIORITY, "", 1.0);

  /** Validates the fields; each error names the field, the value and what is allowed. */
  public Priority {
    if (priority != null && (priority < 1 || priority > 5)) {
      throw new IllegalArgumentException(
          "Priority.priority must be between 1 (highest) and 5 (lowest), was " + priority);
    }
    if (fairnessKey != null && fairnessKey.length() > 255) {
      throw new IllegalArgumentException(
          "Priority.fairnessKey must be at most 255 characters, was " + fairnessKey.length());
    }
    if (fairnessWeight != null
        && (!(fairnessWeight > 0) || fairnessWeight > 1000 || fairnessWeight.isNaN())) {
      throw new IllegalArgumentException(
          "Priority.fairnessWeight must be > 0 and <= 1000, was " + fairnessWeight);
    }
  }

  /** A priority level, with the key and weight inherited. */
  public static Priority of(int priority) {
    return new Priority(priority, null, null);
  }

  /** A fairness key, with the priority and weight inherited. */
  public static Priority fairnessKey(String fairnessKey) {
    return new Priority(null, fairnessKey, null);
  }

  /** Returns this with another priority level. */
  public Priority withPriority(int newPriority) {
    return new Priority(newPriority, fairnessKey, fairnessWeight);
  }

  /** Returns this with another fairness key. */
  public Priority withFairnessKey(String newKey) {
    return new Priority(priority, newKey, fairnessWeight);
  }

  /** Returns this with another fairness weight. */
  public Priority withFairnessWeight(double newWeight) {
    return new Priority(priority, fairnessKey, newWeight);
  }

  /**
   * Returns this with every unset field taken from {@code parent} (or from {@link #DEFAULT} when
   * the parent has none): the priority that applies.
   */
  public Priority resolve(Priority parent) {
    Priority base = parent == null ? DEFAULT : parent.resolve(null);
    return new Priority(
        priority != null ? priority : base.priority,
        fairnessKey != null ? fairnessKey : base.fairnessKey,
        fairnessWeight != null ? fairnessWeight : base.fairnessWeight);
  }
}
