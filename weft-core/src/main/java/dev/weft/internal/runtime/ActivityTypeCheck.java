package dev.weft.internal.runtime;

/**
 * Refuses activity types that no local worker of a queue registers, when this engine serves the
 * queue (a queue served only by remote workers is not checked).
 */
@FunctionalInterface
public interface ActivityTypeCheck {

  /** Accepts everything. */
  ActivityTypeCheck NONE = (queue, type) -> {};

  /**
   * Checks an activity type.
   *
   * @throws dev.weft.failure.UnknownActivityTypeException if the queue is served here and the type
   *     is not registered on it
   */
  void check(String taskQueue, String activityType);
}
