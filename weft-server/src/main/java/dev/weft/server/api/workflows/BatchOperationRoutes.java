package dev.weft.server.api.workflows;

import dev.weft.client.BatchOperation;
import dev.weft.client.BatchOperationType;
import dev.weft.client.WeftClient;
import dev.weft.failure.InvalidQueryException;
import dev.weft.failure.WorkflowNotFoundException;
import dev.weft.failure.WorkflowNotRunningException;
import dev.weft.server.api.QueryParams;
import dev.weft.server.http.ApiJson;
import dev.weft.server.http.ApiProblem;
import dev.weft.server.http.ApiRole;
import dev.weft.server.http.ApiRoutes;
import dev.weft.server.http.RouteGroup;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Batch operations (Temporal's StartBatchOperation, DescribeBatchOperation, ListBatchOperations,
 * StopBatchOperation): {@code POST .../batch-operations} (OPERATOR, 201 with the job ID), {@code
 * GET .../batch-operations} and {@code GET .../batch-operations/{jobId}} (READER), {@code POST
 * .../batch-operations/{jobId}/stop} (OPERATOR, 204). Every field is checked before anything
 * starts; a query that does not parse is 400 {@code invalid-query} naming {@code query}.
 */
final class BatchOperationRoutes implements RouteGroup {
  static final String BASE = "/api/v1/namespaces/{namespace}/batch-operations";
  static final String ONE = BASE + "/{jobId}";

  private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  private final WorkflowRoutes api;

  BatchOperationRoutes(WorkflowRoutes api) {
    this.api = api;
  }

  @Override
  public void addTo(ApiRoutes routes) {
    routes
        .post(BASE, ApiRole.OPERATOR, this::start)
        .get(BASE, ApiRole.READER, this::list)
        .get(ONE, ApiRole.READER, this::describe)
        .post(ONE + "/stop", ApiRole.OPERATOR, this::stop);
  }

  private void start(Context ctx) {
    QueryParams.of(ctx);
    WeftClient client = api.client(ctx);
    BatchOperationDocuments.StartRequest r =
        ApiJson.read(ctx, BatchOperationDocuments.StartRequest.class);
    BatchOperation operation = operation(r);
    String jobId;
    try {
      jobId = client.startBatchOperation(operation);
    } catch (InvalidQueryException e) {
      throw ApiProblem.of(400, "invalid-query", "Invalid query", e.getMessage())
          .withField("query", r.query());
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badField("query", r.query(), e.getMessage());
    }
    ctx.header("Location", ctx.path() + "/" + jobId);
    ApiJson.write(ctx, 201, new BatchOperationDocuments.Started(jobId));
  }

  /** The operation of a request, every field checked so that the record's own checks hold. */
  private static BatchOperation operation(BatchOperationDocuments.StartRequest r) {
    if (r.jobId() != null && !JOB_ID.matcher(r.jobId()).matches()) {
      throw ApiProblem.badField(
          "jobId", r.jobId(), "field 'jobId' must be 1 to 100 of A-Z a-z 0-9 . _ -");
    }
    BatchOperationType type = Bodies.required(r.operation(), "operation");
    String query = Bodies.requiredName(r.query(), "query");
    String reason = Bodies.requiredName(r.reason(), "reason");
    if (type == BatchOperationType.SIGNAL) {
      Bodies.requiredName(r.signalName(), "signalName");
    } else if (r.signalName() != null) {
      throw ApiProblem.badField(
          "signalName", r.signalName(), "field 'signalName' is for operation SIGNAL only");
    } else if (r.signalArgs() != null) {
      throw ApiProblem.badField(
          "signalArgs", null, "field 'signalArgs' is for operation SIGNAL only");
    }
    double rate =
        r.maxOperationsPerSecond() == null
            ? BatchOperation.DEFAULT_OPERATIONS_PER_SECOND
            : r.maxOperationsPerSecond();
    if (!(rate > 0 && rate <= 1000)) {
      throw ApiProblem.badField(
          "maxOperationsPerSecond",
          r.maxOperationsPerSecond(),
          "field 'maxOperationsPerSecond' must be above 0 and at most 1000");
    }
    return new BatchOperation(
        r.jobId(),
        type,
        query,
        reason,
        r.signalName(),
        Arrays.asList(JsonValues.args(r.signalArgs())),
        rate);
  }

  private void list(Context ctx) {
    int limit = QueryParams.of(ctx, "limit").integer("limit", 100, 1, 1000);
    ApiJson.write(
        ctx,
        200,
        new BatchOperationDocuments.BatchList(
            api.client(ctx).listBatchOperations(limit).stream()
                .map(BatchOperationDocuments.Description::of)
                .toList()));
  }

  private void describe(Context ctx) {
    QueryParams.of(ctx);
    WeftClient client = api.client(ctx);
    String jobId = ctx.pathParam("jobId");
    try {
      ApiJson.write(
          ctx, 200, BatchOperationDocuments.Description.of(client.describeBatchOperation(jobId)));
    } catch (WorkflowNotFoundException e) {
      throw notFound(jobId);
    }
  }

  private static ApiProblem notFound(String jobId) {
    return ApiProblem.notFound(
            "batch-operation-not-found", "no batch operation '" + jobId + "' in this namespace")
        .withField("jobId", jobId)
        .with("jobId", jobId);
  }

  private void stop(Context ctx) {
    QueryParams.of(ctx);
    WeftClient client = api.client(ctx);
    BatchOperationDocuments.StopRequest r =
        ApiJson.read(ctx, BatchOperationDocuments.StopRequest.class);
    String jobId = ctx.pathParam("jobId");
    try {
      client.stopBatchOperation(jobId, Bodies.requiredName(r.reason(), "reason"));
    } catch (WorkflowNotFoundException e) {
      throw notFound(jobId);
    } catch (WorkflowNotRunningException e) {
      throw ApiProblem.of(
              409,
              "batch-operation-not-running",
              "Batch operation not running",
              "batch operation '" + jobId + "' already ended")
          .withField("jobId", jobId)
          .with("jobId", jobId);
    }
    ctx.status(204);
  }
}
