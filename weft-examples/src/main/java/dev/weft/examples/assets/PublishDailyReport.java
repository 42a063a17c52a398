package dev.weft.examples.assets;

import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;

/**
 * Publishes the daily report once its inputs are ready: waits (durably, holding no worker) until
 * {@code chain/daily_volume} is fresh, then materializes {@code trades/daily_metrics} (and its
 * upstream) as a child workflow and returns a one-line summary. Workflows and assets in one run.
 */
@WorkflowInterface
public interface PublishDailyReport {
  /** The task queue of the report workflow. */
  String TASK_QUEUE = "reports";

  /** The workflow ID {@code weft dev} starts it under. */
  String WORKFLOW_ID = "publish-daily-report";

  /** Waits for the volume, materializes the metrics, returns the summary. */
  @WorkflowMethod
  String publish();
}
