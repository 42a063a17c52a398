package dev.weft.examples.triggers;

import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;

/**
 * The small report the sensor {@value ExampleTriggers#VOLUME_REPORT} starts for each new daily
 * volume of the chain ({@code chain/daily_volume}): one run per distinct data version, whose result
 * is the report's line.
 */
@WorkflowInterface
public interface VolumeReport {
  /** The workflow type. */
  String TYPE = "VolumeReport";

  /** Its task queue. */
  String TASK_QUEUE = "volume-reports";

  /**
   * Reports the daily volume of data version {@code dataVersion}, materialized at {@code
   * materializedAt} (ISO-8601) by run {@code runId} ({@code null} when recorded outside a run).
   */
  @WorkflowMethod(name = TYPE)
  String report(String dataVersion, String materializedAt, String runId);
}
