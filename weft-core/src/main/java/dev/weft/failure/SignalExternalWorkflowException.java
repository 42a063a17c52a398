package dev.weft.failure;

/**
 * A signal sent from workflow code (an external workflow stub) did not reach its target: no run
 * with the workflow ID (and run ID, if one was named) exists, or it is closed. Thrown to the
 * workflow code that waits for the signal; like any failure, it fails the calling workflow unless
 * the code catches it.
 */
public final class SignalExternalWorkflowException extends WeftFailure {
  private final String workflowId;
  private final String runId;

  /**
   * Creates the failure.
   *
   * @param workflowId the target's workflow ID
   * @param runId the target's run as the caller named it, or {@code null}
   * @param reason what was found instead of a running target
   */
  public SignalExternalWorkflowException(String workflowId, String runId, String reason) {
    super(reason, null);
    this.workflowId = workflowId;
    this.runId = runId;
  }

  /** Returns the target's workflow ID. */
  public String getWorkflowId() {
    return workflowId;
  }

  /** Returns the target's run as the caller named it, or {@code null} for its current run. */
  public String getRunId() {
    return runId;
  }
}
