package dev.weft.schedules.internal;

import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;

/**
 * The built-in workflow a {@link dev.weft.schedules.TriggerAction.Materialize} action starts, with
 * the firing's derived ID on the {@link TriggerWorkers#TASK_QUEUE} queue: it runs the asset
 * materialization as its child, so that the derived ID makes the firing exactly-once (a repeated
 * firing finds this run) and the trigger can follow the materialization as one run.
 */
@WorkflowInterface
public interface MaterializeTriggerWorkflow {
  /** The workflow type. */
  String TYPE = "__weft_trigger_materialize";

  /** Materializes the selection (one partition when {@code partitionKey} is set) and waits. */
  @WorkflowMethod(name = TYPE)
  MaterializeTriggerOutcome run(String selection, String partitionKey);
}
