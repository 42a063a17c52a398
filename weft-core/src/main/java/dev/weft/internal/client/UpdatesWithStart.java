package dev.weft.internal.client;

import dev.weft.client.WorkflowIdConflictPolicy;
import dev.weft.client.WorkflowOptions;
import dev.weft.common.WorkflowStatus;
import dev.weft.history.EventAttributes;
import dev.weft.store.CommitResult;
import dev.weft.store.RunRecord;
import dev.weft.store.Store;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Update-with-start: admits an update to the running run of a workflow ID, or starts a run with the
 * update already admitted (the run, its start event, its first workflow task and the update's inbox
 * row in one transaction), then waits for the update's outcome. As in Temporal, the start stands
 * when the update is rejected or fails: only the update's outcome is reported.
 */
public final class UpdatesWithStart {
  private static final int ATTEMPTS = 20;

  private final String namespace;
  private final Store store;
  private final StartPlans plans;
  private final Starts starts;
  private final Updates updates;

  public UpdatesWithStart(
      String namespace, Store store, StartPlans plans, Starts starts, Updates updates) {
    this.namespace = namespace;
    this.store = store;
    this.plans = plans;
    this.starts = starts;
    this.updates = updates;
  }

  /**
   * Runs the update on the workflow's running run, or on a run it starts, and returns the update's
   * result; {@code onRun} learns the run before the wait.
   */
  Object execute(
      String workflowType,
      WorkflowOptions options,
      Object[] args,
      String updateName,
      Object[] updateArgs,
      Type resultType,
      Duration timeout,
      Consumer<RunRecord> onRun)
      throws TimeoutException {
    if (options.workflowId() == null) {
      throw new IllegalArgumentException(
          "update-with-start needs WorkflowOptions.workflowId: it updates that workflow if"
              + " running");
    }
    if (options.idConflictPolicy() != WorkflowIdConflictPolicy.USE_EXISTING) {
      throw new IllegalArgumentException(
          "update-with-start needs WorkflowOptions.idConflictPolicy USE_EXISTING (it sends the"
              + " update to the running run of workflow '"
              + options.workflowId()
              + "' if there is one), was "
              + options.idConflictPolicy());
    }
    EventAttributes.UpdateRequested request = updates.request(workflowType, updateName, updateArgs);
    RunRecord run = admitted(workflowType, options, args, request);
    onRun.accept(run);
    return updates.await(run, updateName, request.updateId(), resultType, timeout);
  }

  /** The run the update was admitted to: the running one, or one started with it. */
  private RunRecord admitted(
      String workflowType,
      WorkflowOptions options,
      Object[] args,
      EventAttributes.UpdateRequested request) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      RunRecord current = store.findLatestRun(namespace, options.workflowId()).orElse(null);
      if (current != null && current.status() == WorkflowStatus.RUNNING) {
        if (updates.tryAdmit(current, request)) {
          return current;
        }
        continue;
      }
      StartPlans.StartPlan plan = plans.plan(workflowType, options, args);
      CommitResult result =
          starts.commitStart(
              plan, List.of(updates.admission(plan.run().runId(), request, plan.now())));
      if (result.committed()) {
        return plan.run();
      }
      RunRecord existing = store.findLatestRun(namespace, options.workflowId()).orElse(null);
      if (existing == null || existing.status() != WorkflowStatus.RUNNING) {
        throw StartConflicts.refused(
            options.workflowId(), existing, (CommitResult.Conflict) result, options);
      }
    }
    throw new IllegalStateException(
        "update-with-start of workflow '"
            + options.workflowId()
            + "' kept racing with other starts and closes; try again");
  }
}
