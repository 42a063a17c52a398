package dev.weft.assets.internal;

import dev.weft.store.assets.AssetNodeRecord;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;

/** The built-in workflow that materializes a selection of assets. */
@WorkflowInterface
public interface MaterializeWorkflow {
  /** The workflow type. */
  String TYPE = "__weft_materialize";

  /** The internal task queue its workflow and activity tasks run on, for the default location. */
  String TASK_QUEUE = "__weft_assets";

  /**
   * Returns the task queue of a code location's materializations: {@link #TASK_QUEUE} for the
   * default location, {@code __weft_assets@<location>} for another, so that only the app that
   * defines the assets runs their computes.
   */
  static String taskQueue(String location) {
    return location.equals(AssetNodeRecord.DEFAULT_LOCATION)
        ? TASK_QUEUE
        : TASK_QUEUE + "@" + location;
  }

  /** The prefix of its workflow IDs. */
  String WORKFLOW_ID_PREFIX = "__weft_materialize:";

  /** Runs the plan: each step once its upstream steps succeeded, independent steps in parallel. */
  @WorkflowMethod(name = TYPE)
  MaterializeOutcome run(MaterializeRequest request);
}
