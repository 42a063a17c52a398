package dev.weft.failure;

import java.util.Collection;
import java.util.TreeSet;

/**
 * Workflow code called an activity type that no worker of this engine registers on its task queue.
 * Fails the workflow task (the run stays open and resumes once a worker registers the type).
 */
public final class UnknownActivityTypeException extends WeftException {
  private final String activityType;

  /** Creates the exception, listing the types that are registered on the queue. */
  public UnknownActivityTypeException(
      String activityType, String taskQueue, Collection<String> known) {
    super(
        "activity type '"
            + activityType
            + "' is not registered on task queue '"
            + taskQueue
            + "'; registered: "
            + new TreeSet<>(known));
    this.activityType = activityType;
  }

  /** Returns the unknown type. */
  public String getActivityType() {
    return activityType;
  }
}
