package dev.weft.internal.batch;

import dev.weft.client.WeftClient;

/** The list queries of batch operations. */
final class BatchQueries {
  /** The system task queue every engine serves; batch workflows and their activities run on it. */
  static final String TASK_QUEUE = "__weft_system";

  /** Batch workflows' IDs are this prefix and the job ID. */
  static final String WORKFLOW_ID_PREFIX = "__weft_batch:";

  /** Lists a namespace's batch workflows. */
  static final String BATCHES = "WorkflowType = '" + WeftClient.BATCH_WORKFLOW_TYPE + "'";

  private BatchQueries() {}

  /**
   * The user's query restricted to runs that are not batches, so that a batch never applies its
   * operation to itself or to another batch.
   */
  static String excludingBatches(String query) {
    return "(" + query + ") AND WorkflowType != '" + WeftClient.BATCH_WORKFLOW_TYPE + "'";
  }
}
