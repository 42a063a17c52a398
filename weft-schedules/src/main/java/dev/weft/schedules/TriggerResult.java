package dev.weft.schedules;

import java.util.Objects;

/**
 * The result of running a {@link TriggerAction} once.
 *
 * @param outcome what happened
 * @param workflowId the workflow started, found or signaled
 * @param runId its run, or {@code null} when unknown (a signal reaches the current run)
 */
public record TriggerResult(TriggerOutcome outcome, String workflowId, String runId) {
  /**
   * @throws NullPointerException if the outcome or the workflow ID is null
   */
  public TriggerResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(workflowId, "workflowId");
  }
}
