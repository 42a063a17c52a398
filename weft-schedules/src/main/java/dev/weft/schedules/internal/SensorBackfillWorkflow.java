package dev.weft.schedules.internal;

import dev.weft.assets.BackfillRequest;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;

/**
 * The built-in workflow a sensor's backfill request starts, with the request's derived workflow ID
 * {@code <sensor>:<dedupeKey>}: it launches the backfill once and returns its ID. A backfill has no
 * idempotency key of its own, so the derived ID of this workflow is what makes a key launch at most
 * one backfill.
 */
@WorkflowInterface
public interface SensorBackfillWorkflow {
  /** The workflow type. */
  String TYPE = "__weft_sensor_backfill";

  /** Launches {@code request}; returns the backfill's ID. */
  @WorkflowMethod(name = TYPE)
  String launch(BackfillRequest request);
}
