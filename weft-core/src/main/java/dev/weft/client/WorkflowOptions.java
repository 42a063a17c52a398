package dev.weft.client;

/**
 * How a workflow run is started. Immutable; validated when built.
 *
 * @param workflowId the workflow ID; {@code null} for a random one
 * @param taskQueue the queue its workflow tasks are dispatched on (required)
 * @param idReusePolicy whether the ID may be reused after earlier runs closed
 * @param idConflictPolicy what to do when a run with the ID is running
 */
public record WorkflowOptions(
    String workflowId,
    String taskQueue,
    WorkflowIdReusePolicy idReusePolicy,
    WorkflowIdConflictPolicy idConflictPolicy) {

  /** Validates the options; each error names the field and value. */
  public WorkflowOptions {
    if (taskQueue == null || taskQueue.isBlank()) {
      throw new IllegalArgumentException("WorkflowOptions.taskQueue is required");
    }
    if (workflowId != null && workflowId.isBlank()) {
      throw new IllegalArgumentException("WorkflowOptions.workflowId must not be blank");
    }
    if (workflowId != null && workflowId.length() > 1000) {
      throw new IllegalArgumentException(
          "WorkflowOptions.workflowId is "
              + workflowId.length()
              + " characters; the limit is 1000");
    }
    if (idReusePolicy == null) {
      idReusePolicy = WorkflowIdReusePolicy.ALLOW_DUPLICATE;
    }
    if (idConflictPolicy == null) {
      idConflictPolicy = WorkflowIdConflictPolicy.FAIL;
    }
  }

  /** Returns a builder. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Returns a builder initialized from these options. */
  public Builder toBuilder() {
    return new Builder()
        .workflowId(workflowId)
        .taskQueue(taskQueue)
        .idReusePolicy(idReusePolicy)
        .idConflictPolicy(idConflictPolicy);
  }

  /** Builds {@link WorkflowOptions}. */
  public static final class Builder {
    private String workflowId;
    private String taskQueue;
    private WorkflowIdReusePolicy idReusePolicy;
    private WorkflowIdConflictPolicy idConflictPolicy;

    private Builder() {}

    /** Sets the workflow ID (default: a random UUID). */
    public Builder workflowId(String workflowId) {
      this.workflowId = workflowId;
      return this;
    }

    /** Sets the task queue (required). */
    public Builder taskQueue(String taskQueue) {
      this.taskQueue = taskQueue;
      return this;
    }

    /** Sets the ID reuse policy (default {@link WorkflowIdReusePolicy#ALLOW_DUPLICATE}). */
    public Builder idReusePolicy(WorkflowIdReusePolicy policy) {
      this.idReusePolicy = policy;
      return this;
    }

    /** Sets the ID conflict policy (default {@link WorkflowIdConflictPolicy#FAIL}). */
    public Builder idConflictPolicy(WorkflowIdConflictPolicy policy) {
      this.idConflictPolicy = policy;
      return this;
    }

    /** Returns the options; throws {@link IllegalArgumentException} naming an invalid field. */
    public WorkflowOptions build() {
      return new WorkflowOptions(workflowId, taskQueue, idReusePolicy, idConflictPolicy);
    }
  }
}
