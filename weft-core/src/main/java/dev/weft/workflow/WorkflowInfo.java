package dev.weft.workflow;

import dev.weft.internal.runtime.WorkflowInternal;

/**
 * What a workflow run knows about itself.
 *
 * @param namespace the namespace
 * @param workflowId the workflow ID
 * @param runId the run ID
 * @param workflowType the workflow type
 * @param taskQueue the task queue of its workflow tasks
 * @param attempt the attempt of the workflow under its retry policy: 1, then 2 for the run that
 *     retries a failed or timed-out first run, and so on
 * @param continuedFromRunId the run this one continues (continue-as-new or a retry), or null
 */
public record WorkflowInfo(
    String namespace,
    String workflowId,
    String runId,
    String workflowType,
    String taskQueue,
    int attempt,
    String continuedFromRunId) {

  /**
   * Returns the number of events in this run's history when the current workflow task began (the
   * events of the earlier tasks and those that arrived before this one: its start, activity
   * results, signals), the same on replay. The first call in a workflow task records the values in
   * a {@code MarkerRecorded} event named {@code HistoryInfo}, so that replay returns them (a task
   * replayed from before the call existed gets 0).
   *
   * @throws IllegalStateException outside workflow code or in a query method
   */
  public long getHistoryLength() {
    return WorkflowInternal.historyInfo("WorkflowInfo.getHistoryLength()")[0];
  }

  /**
   * Returns the size in bytes of this run's history (as stored) when the current workflow task
   * began; recorded and replayed like {@link #getHistoryLength()}.
   *
   * @throws IllegalStateException outside workflow code or in a query method
   */
  public long getHistorySize() {
    return WorkflowInternal.historyInfo("WorkflowInfo.getHistorySize()")[1];
  }

  /**
   * Returns whether this run should continue as new because its history is long: true from 8% of
   * the engine's hard history limits ({@code HistoryLimits}: 4,096 events or 4 MiB with the
   * defaults, Temporal's suggestion), measured when the current workflow task began; recorded and
   * replayed like {@link #getHistoryLength()}, so a node with other limits replays the same
   * decision.
   *
   * <pre>{@code
   * while (!Workflow.getInfo().isContinueAsNewSuggested()) {
   *   process(next());
   * }
   * Workflow.newContinueAsNewStub(Subscription.class).run(state);
   * }</pre>
   *
   * @throws IllegalStateException outside workflow code or in a query method
   */
  public boolean isContinueAsNewSuggested() {
    return WorkflowInternal.historyInfo("WorkflowInfo.isContinueAsNewSuggested()")[2] != 0;
  }

  /** The identity of a run, before its start event is read (attempt 1, not continued). */
  public WorkflowInfo(
      String namespace, String workflowId, String runId, String workflowType, String taskQueue) {
    this(namespace, workflowId, runId, workflowType, taskQueue, 1, null);
  }
}
