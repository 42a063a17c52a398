package dev.weft.internal.batch;

import dev.weft.client.BatchOperation;
import dev.weft.client.BatchOperationType;
import java.util.List;

/**
 * The input of a batch workflow: the operation as the client accepted it, with its job ID and the
 * count of matching runs at the start (null when unknown).
 */
public record BatchSpec(
    String jobId,
    BatchOperationType type,
    String query,
    String reason,
    String signalName,
    List<Object> signalArgs,
    double maxOperationsPerSecond,
    Long total) {

  static BatchSpec of(String jobId, BatchOperation operation, Long total) {
    return new BatchSpec(
        jobId,
        operation.type(),
        operation.query(),
        operation.reason(),
        operation.signalName(),
        operation.signalArgs(),
        operation.maxOperationsPerSecond(),
        total);
  }

  /** Runs per page: one second's worth at the rate limit, 1 to 1000. */
  int pageSize() {
    return (int) Math.max(1, Math.min(1000, Math.ceil(maxOperationsPerSecond)));
  }

  /** The query the pages list: the user's, never matching batch workflows. */
  String pagedQuery() {
    return BatchQueries.excludingBatches(query);
  }
}
