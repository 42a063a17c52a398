package dev.weft.assets.internal;

import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;

/** The built-in workflow that materializes a selection of assets. */
@WorkflowInterface
public interface MaterializeWorkflow {
  /** The workflow type. */
  String TYPE = "__weft_materialize";

  /** The internal task queue its workflow and activity tasks run on. */
  String TASK_QUEUE = "__weft_assets";

  /** The prefix of its workflow IDs. */
  String WORKFLOW_ID_PREFIX = "__weft_materialize:";

  /** Runs the plan: each step once its upstream steps succeeded, independent steps in parallel. */
  @WorkflowMethod(name = TYPE)
  MaterializeOutcome run(MaterializeRequest request);
}
