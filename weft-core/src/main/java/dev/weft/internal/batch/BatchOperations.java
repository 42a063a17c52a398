package dev.weft.internal.batch;

import dev.weft.client.BatchOperation;
import dev.weft.client.BatchOperationDescription;
import dev.weft.client.BatchOperationState;
import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowDescription;
import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowIdReusePolicy;
import dev.weft.client.WorkflowOptions;
import dev.weft.client.WorkflowSummary;
import dev.weft.failure.InvalidQueryException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The client side of batch operations, over any client's public calls (the embedded one and the one
 * over HTTP alike): a start validates the query by counting what it matches, then starts the batch
 * workflow; a description is the workflow's status with its progress query's answer.
 */
public final class BatchOperations {
  private final WeftClient client;

  /** Works through {@code client}, in its namespace. */
  public BatchOperations(WeftClient client) {
    this.client = client;
  }

  /** See {@link WeftClient#startBatchOperation}. */
  public String start(BatchOperation operation) {
    String jobId = operation.jobId() != null ? operation.jobId() : UUID.randomUUID().toString();
    long total = count(operation.query());
    client.start(
        WeftClient.BATCH_WORKFLOW_TYPE,
        WorkflowOptions.newBuilder()
            .taskQueue(BatchQueries.TASK_QUEUE)
            .workflowId(BatchQueries.WORKFLOW_ID_PREFIX + jobId)
            .idReusePolicy(WorkflowIdReusePolicy.REJECT_DUPLICATE)
            .build(),
        BatchSpec.of(jobId, operation, total));
    return jobId;
  }

  /**
   * Counts the runs a batch would visit; a query that does not parse is refused with the position
   * in the user's own text.
   */
  private long count(String query) {
    try {
      return client.countWorkflows(WorkflowFilter.query(BatchQueries.excludingBatches(query)));
    } catch (InvalidQueryException combined) {
      client.countWorkflows(WorkflowFilter.query(query));
      throw new IllegalArgumentException(
          "a batch operation's query takes no ORDER BY (runs are visited newest first): " + query);
    }
  }

  /** See {@link WeftClient#describeBatchOperation}. */
  public BatchOperationDescription describe(String jobId) {
    return describe(client.getHandle(BatchQueries.WORKFLOW_ID_PREFIX + jobId));
  }

  private BatchOperationDescription describe(WorkflowHandle<Object> batch) {
    WorkflowDescription run = batch.describe();
    BatchProgress progress = batch.query(BatchWorkflow.PROGRESS_QUERY, BatchProgress.class);
    BatchSpec spec = progress.spec();
    return new BatchOperationDescription(
        spec.jobId(),
        spec.type(),
        switch (run.status()) {
          case RUNNING -> BatchOperationState.RUNNING;
          case COMPLETED -> BatchOperationState.COMPLETED;
          case TERMINATED -> BatchOperationState.STOPPED;
          default -> BatchOperationState.FAILED;
        },
        spec.query(),
        spec.reason(),
        run.startTime(),
        run.closeTime(),
        spec.total(),
        progress.done(),
        progress.failed(),
        progress.failures());
  }

  /** See {@link WeftClient#listBatchOperations}. */
  public List<BatchOperationDescription> list(int limit) {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be in 1..1000, was " + limit);
    }
    List<BatchOperationDescription> found = new ArrayList<>();
    for (WorkflowSummary run :
        client
            .listWorkflows(WorkflowFilter.query(BatchQueries.BATCHES).withPageSize(limit))
            .workflows()) {
      found.add(describe(client.getHandle(run.workflowId(), run.runId())));
    }
    return found;
  }

  /** See {@link WeftClient#stopBatchOperation}. */
  public void stop(String jobId, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException(
          "a reason to stop batch operation '" + jobId + "' is required");
    }
    client
        .getHandle(BatchQueries.WORKFLOW_ID_PREFIX + jobId)
        .terminate("batch operation stopped: " + reason);
  }

  /** The system task queue every engine serves. */
  public static String taskQueue() {
    return BatchQueries.TASK_QUEUE;
  }
}
