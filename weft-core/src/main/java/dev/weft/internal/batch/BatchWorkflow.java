package dev.weft.internal.batch;

import dev.weft.client.WeftClient;
import dev.weft.workflow.QueryMethod;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;

/** The system workflow behind a batch operation. */
@WorkflowInterface
public interface BatchWorkflow {

  /** The query that answers the batch's progress. */
  String PROGRESS_QUERY = "progress";

  /** Pages through the matching runs until the last page; returns the final progress. */
  @WorkflowMethod(name = WeftClient.BATCH_WORKFLOW_TYPE)
  BatchProgress run(BatchSpec spec);

  /** Returns the progress so far. */
  @QueryMethod(name = PROGRESS_QUERY)
  BatchProgress progress();
}
