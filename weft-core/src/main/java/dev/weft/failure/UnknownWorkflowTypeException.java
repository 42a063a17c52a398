package dev.weft.failure;

import java.util.Collection;
import java.util.TreeSet;

/** A workflow type is not registered on the task queue it was asked for. */
public final class UnknownWorkflowTypeException extends WeftException {
  private final String workflowType;

  /** Creates the exception, listing the types that are registered. */
  public UnknownWorkflowTypeException(
      String workflowType, String taskQueue, Collection<String> known) {
    super(
        "workflow type '"
            + workflowType
            + "' is not registered on task queue '"
            + taskQueue
            + "'; registered: "
            + new TreeSet<>(known));
    this.workflowType = workflowType;
  }

  /** Returns the unknown type. */
  public String getWorkflowType() {
    return workflowType;
  }
}
