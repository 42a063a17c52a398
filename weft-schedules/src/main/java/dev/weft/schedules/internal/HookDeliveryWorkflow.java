package dev.weft.schedules.internal;

import dev.weft.schedules.TriggerResult;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;

/**
 * The built-in workflow of one webhook delivery ({@code __weft_hook:<hook>:<key>}, on {@link
 * TriggerWorkers#TASK_QUEUE}): runs the delivery's resolved action once through the trigger
 * activity, with the derived ID {@code <hook>:<key>}, and returns what it did. Its ID makes a
 * repeated {@code Idempotency-Key} find the first delivery instead of acting twice; its memo names
 * the hook, and the listing of a hook's recent deliveries is a listing of these runs.
 */
@WorkflowInterface
public interface HookDeliveryWorkflow {
  /** The workflow type. */
  String TYPE = "__weft_hook_delivery";

  /** Runs the delivery. */
  @WorkflowMethod(name = TYPE)
  TriggerResult run(HookDelivery delivery);
}
