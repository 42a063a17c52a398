package dev.weft.server.api.workflows;

import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowHandle;
import dev.weft.server.api.ServedNamespaces;
import dev.weft.server.http.ApiRoutes;
import dev.weft.server.http.RouteGroup;
import io.javalin.http.Context;
import java.util.Objects;

/**
 * The workflow routes of the API, under {@value #BASE}: starts, reads, the result, messages
 * (signals, queries, updates) and controls (cancel, terminate, reset, pause, resume), all over the
 * client of the request's namespace ({@link ServedNamespaces}). Reads need the READER role,
 * everything that changes something OPERATOR. The OpenAPI document describes every route and shape.
 */
public final class WorkflowRoutes implements RouteGroup {
  /** The collection of a namespace's workflows. */
  public static final String BASE = "/api/v1/namespaces/{namespace}/workflows";

  /** One workflow, by ID. */
  public static final String ONE = BASE + "/{workflowId}";

  private final ServedNamespaces namespaces;

  /** The routes over the clients of the namespaces {@code namespaces} serves. */
  public WorkflowRoutes(ServedNamespaces namespaces) {
    this.namespaces = Objects.requireNonNull(namespaces, "namespaces");
  }

  @Override
  public void addTo(ApiRoutes routes) {
    new WorkflowStartRoutes(this).addTo(routes);
    new WorkflowReadRoutes(this).addTo(routes);
    new AttentionRoute(this).addTo(routes);
    new WorkflowResultRoute(this).addTo(routes);
    new WorkflowImportRoute(this).addTo(routes);
    new WorkflowMessageRoutes(this).addTo(routes);
    new WorkflowControlRoutes(this).addTo(routes);
    new BatchOperationRoutes(this).addTo(routes);
  }

  /**
   * The client of the request's namespace.
   *
   * @throws dev.weft.server.http.ApiProblem 404 {@code namespace-not-found}
   */
  WeftClient client(Context ctx) {
    return namespaces.client(ctx);
  }

  /**
   * Checks the namespace of the request and returns the workflow ID of its path.
   *
   * @throws dev.weft.server.http.ApiProblem 404 {@code namespace-not-found}
   */
  String workflowId(Context ctx) {
    namespaces.client(ctx);
    return ctx.pathParam("workflowId");
  }

  /** The engine's registered search attributes and their types. */
  java.util.Map<String, dev.weft.common.SearchAttributeType> searchAttributeTypes() {
    return namespaces.searchAttributeTypes();
  }

  /** Checks the namespace of the request (a route without a workflow ID). */
  void checkNamespace(Context ctx) {
    namespaces.client(ctx);
  }

  /**
   * A handle on the workflow: bound to {@code runId} if given, else following the workflow ID.
   *
   * @throws dev.weft.failure.WorkflowNotFoundException if there is no such workflow or run
   */
  WorkflowHandle<Object> handle(Context ctx, String workflowId, String runId) {
    WeftClient client = namespaces.client(ctx);
    return runId == null ? client.getHandle(workflowId) : client.getHandle(workflowId, runId);
  }
}
