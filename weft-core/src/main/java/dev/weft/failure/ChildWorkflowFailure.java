package dev.weft.failure;

/**
 * A child workflow did not complete: it failed, was cancelled, terminated or timed out, or could
 * not start (its workflow ID was taken). Thrown to the parent code that awaited it; {@link
 * #getCause()} says why ({@link ApplicationFailure}, {@link CanceledFailure}, {@link
 * TerminatedFailure}, {@link TimeoutFailure}; an ID collision is an {@link ApplicationFailure} of
 * type {@code WorkflowAlreadyStarted}).
 */
public final class ChildWorkflowFailure extends WeftFailure {
  private final String workflowType;
  private final String workflowId;
  private final String runId;

  /**
   * Creates a failure.
   *
   * @param workflowType the child's workflow type
   * @param workflowId the child's workflow ID
   * @param runId the child's run that ended, or {@code null} if it never started
   * @param cause why it failed
   */
  public ChildWorkflowFailure(
      String workflowType, String workflowId, String runId, Throwable cause) {
    super(
        "child workflow '"
            + workflowType
            + "' (ID "
            + workflowId
            + (runId == null ? "" : ", run " + runId)
            + (cause instanceof CanceledFailure ? ") canceled" : ") failed")
            + (cause == null ? "" : ": " + cause.getMessage()),
        cause);
    this.workflowType = workflowType;
    this.workflowId = workflowId;
    this.runId = runId;
  }

  /** Returns the child's workflow type. */
  public String getWorkflowType() {
    return workflowType;
  }

  /** Returns the child's workflow ID. */
  public String getWorkflowId() {
    return workflowId;
  }

  /** Returns the child's run that ended, or {@code null} if it never started. */
  public String getRunId() {
    return runId;
  }
}
