package dev.weft.assets;

import dev.weft.assets.internal.MaterializeOutcome;
import dev.weft.assets.internal.StepOutcome;
import dev.weft.client.WorkflowHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A started materialization: a durable workflow, awaited like one. Thread-safe.
 *
 * <pre>{@code
 * MaterializationHandle run = assets.materialize("+chain/daily_volume");
 * MaterializationResult result = run.await(Duration.ofMinutes(5));
 * }</pre>
 */
public final class MaterializationHandle {
  private final WorkflowHandle<Object> workflow;

  MaterializationHandle(WorkflowHandle<Object> workflow) {
    this.workflow = workflow;
  }

  /** Returns the materialization workflow's ID ({@code __weft_materialize:<uuid>}). */
  public String workflowId() {
    return workflow.workflowId();
  }

  /** Returns the run ID of the materialization workflow. */
  public String runId() {
    return workflow.runId();
  }

  /** Waits until every asset of the plan materialized, failed or was skipped. */
  public MaterializationResult await() {
    return toResult(workflow.workflowId(), workflow.getResult(MaterializeOutcome.class));
  }

  /**
   * Waits at most {@code timeout}.
   *
   * @throws java.util.concurrent.CompletionException wrapping a {@link
   *     java.util.concurrent.TimeoutException} if it did not end in time
   */
  public MaterializationResult await(Duration timeout) {
    workflow.getResult(timeout);
    return await();
  }

  /** The result of a materialization workflow's outcome. */
  static MaterializationResult toResult(String workflowId, MaterializeOutcome outcome) {
    List<AssetOutcome> outcomes = new ArrayList<>();
    List<String> blocking = new ArrayList<>();
    for (StepOutcome step : outcome.steps()) {
      for (String key : step.keys()) {
        outcomes.add(
            new AssetOutcome(
                AssetKey.of(key),
                AssetOutcome.Status.valueOf(step.status()),
                step.errorType(),
                step.message()));
      }
      blocking.addAll(step.failedBlockingChecks());
    }
    return new MaterializationResult(workflowId, outcomes, blocking);
  }
}
