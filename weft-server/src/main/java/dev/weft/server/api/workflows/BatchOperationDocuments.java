package dev.weft.server.api.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.client.BatchFailure;
import dev.weft.client.BatchOperationDescription;
import dev.weft.client.BatchOperationState;
import dev.weft.client.BatchOperationType;
import java.time.Instant;
import java.util.List;

/**
 * The bodies of the batch operation routes, as the OpenAPI document's {@code Batch*} schemas
 * describe them: times RFC 3339.
 */
final class BatchOperationDocuments {
  private BatchOperationDocuments() {}

  /** {@code BatchStartRequest}. */
  record StartRequest(
      String jobId,
      BatchOperationType operation,
      String query,
      String reason,
      String signalName,
      List<JsonNode> signalArgs,
      Double maxOperationsPerSecond) {}

  /** {@code BatchStartResponse}. */
  record Started(String jobId) {}

  /** {@code BatchStopRequest}. */
  record StopRequest(String reason) {}

  /** {@code BatchFailure}. */
  record Failure(String workflowId, String runId, String message) {
    static Failure of(BatchFailure f) {
      return new Failure(f.workflowId(), f.runId(), f.message());
    }
  }

  /** {@code BatchDescription}. */
  record Description(
      String jobId,
      BatchOperationType operation,
      BatchOperationState state,
      String query,
      String reason,
      String startTime,
      String closeTime,
      Long totalOperationCount,
      long completeOperationCount,
      long failureOperationCount,
      List<Failure> failures) {
    static Description of(BatchOperationDescription d) {
      return new Description(
          d.jobId(),
          d.type(),
          d.state(),
          d.query(),
          d.reason(),
          text(d.startTime()),
          text(d.closeTime()),
          d.totalOperationCount(),
          d.completeOperationCount(),
          d.failureOperationCount(),
          d.failures().stream().map(Failure::of).toList());
    }

    private static String text(Instant time) {
      return time == null ? null : time.toString();
    }
  }

  /** {@code BatchList}. */
  record BatchList(List<Description> batchOperations) {}
}
