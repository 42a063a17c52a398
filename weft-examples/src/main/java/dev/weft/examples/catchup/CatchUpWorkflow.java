package dev.weft.examples.catchup;

import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;

/**
 * A catch-up over a range of blocks: each run ingests one batch (one activity call) and continues
 * as new with the next cursor, so every run's history stays a dozen events long however long the
 * range, and a restart of the process continues with the batch where it stopped.
 *
 * <pre>{@code
 * CatchUpCursor cursor = CatchUpCursor.start(0, 100_000, 1_000);
 * CatchUpWorkflow stub = client.newWorkflowStub(CatchUpWorkflow.class,
 *     WorkflowOptions.newBuilder().workflowId(cursor.workflowId())
 *         .taskQueue(CatchUpWorkflow.TASK_QUEUE).build());
 * WorkflowHandle<CatchUpResult> handle = client.start(stub::catchUp, cursor);
 * handle.getResult();   // follows the chain of runs to the last one: 100,000 blocks, 100 runs
 * }</pre>
 */
@WorkflowInterface
public interface CatchUpWorkflow {

  /** The task queue the example's workers serve. */
  String TASK_QUEUE = "catch-up";

  /**
   * Ingests the batch at {@code cursor} and continues as new with the rest of the range; the last
   * run returns the totals.
   */
  @WorkflowMethod
  CatchUpResult catchUp(CatchUpCursor cursor);
}
