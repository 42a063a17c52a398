package dev.weft.failure;

/**
 * Replaying a run's history, the workflow code asked for something other than what the history
 * records at that point: the code changed incompatibly under a running workflow. The run is not
 * failed; its workflow task is retried (and shows this error) until a compatible deploy resumes it.
 * Use {@code Workflow.getVersion} to change code safely.
 */
public final class NonDeterminismException extends WeftException {
  private final String runId;
  private final long eventId;
  private final String codeAskedFor;
  private final String historyHas;

  /**
   * Creates the exception.
   *
   * @param runId the run
   * @param eventId the history event where the two sides diverge (0 if past the end)
   * @param codeAskedFor what the code did at that point
   * @param historyHas what the history records there
   */
  public NonDeterminismException(
      String runId, long eventId, String codeAskedFor, String historyHas) {
    super(
        "non-deterministic workflow code in run "
            + runId
            + (eventId > 0 ? " at history event " + eventId : "")
            + ": the code asked for "
            + codeAskedFor
            + ", but the history has "
            + historyHas);
    this.runId = runId;
    this.eventId = eventId;
    this.codeAskedFor = codeAskedFor;
    this.historyHas = historyHas;
  }

  /** Returns the run. */
  public String getRunId() {
    return runId;
  }

  /** Returns the history event where the code and the history diverge. */
  public long getEventId() {
    return eventId;
  }

  /** Returns what the code asked for. */
  public String getCodeAskedFor() {
    return codeAskedFor;
  }

  /** Returns what the history records. */
  public String getHistoryHas() {
    return historyHas;
  }
}
