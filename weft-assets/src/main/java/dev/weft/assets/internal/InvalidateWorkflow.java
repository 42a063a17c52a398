package dev.weft.assets.internal;

import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;

/**
 * The built-in workflow that invalidates partitions for a node that does not host the asset code
 * (the HTTP server): the cascade needs the graph and the partition mappings, which are code, so it
 * runs on the task queue of the asset's code location ({@link MaterializeWorkflow#taskQueue}),
 * where the nodes that built {@code Assets} poll. One activity does the work.
 */
@WorkflowInterface
public interface InvalidateWorkflow {
  /** The workflow type. */
  String TYPE = "__weft_invalidate";

  /** The prefix of its workflow IDs. */
  String WORKFLOW_ID_PREFIX = "__weft_invalidate:";

  /** Invalidates, cascades and, if asked, starts the rematerialization. */
  @WorkflowMethod(name = TYPE)
  InvalidateOutcome run(InvalidateRequest request);
}
