package dev.weft.server.api.workflows;

import dev.weft.client.WorkflowHandle;
import dev.weft.history.WorkflowHistory;
import dev.weft.server.api.QueryParams;
import dev.weft.server.http.ApiJson;
import dev.weft.server.http.ApiProblem;
import dev.weft.server.http.ApiRole;
import dev.weft.server.http.ApiRoutes;
import dev.weft.server.http.RouteGroup;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /api/v1/namespaces/{namespace}/workflow-imports}: writes a run from an exported
 * history (the JSON of {@code WorkflowHistory.toJson()}, which {@code weft workflow history
 * --output json} and {@code weft workflow export} write), keeping its workflow and run IDs, as
 * {@code WeftClient.importHistory} does: 201 with the run. A body that is not a Weft history is 400
 * {@code invalid-argument}; a run that exists (or an open history whose workflow ID has a running
 * run) 409 {@code workflow-already-started}; an open history with child workflows open 400 {@code
 * invalid-reset-point}. Nothing is written on a refusal.
 */
final class WorkflowImportRoute implements RouteGroup {
  static final String PATH = "/api/v1/namespaces/{namespace}/workflow-imports";

  private final WorkflowRoutes api;

  WorkflowImportRoute(WorkflowRoutes api) {
    this.api = api;
  }

  @Override
  public void addTo(ApiRoutes routes) {
    routes.post(PATH, ApiRole.OPERATOR, this::importHistory);
  }

  private void importHistory(Context ctx) {
    api.checkNamespace(ctx);
    QueryParams.of(ctx);
    byte[] body = ctx.bodyAsBytes();
    if (body.length == 0) {
      throw ApiProblem.of(
          400, "missing-body", "Missing body", "the body must be an exported workflow history");
    }
    WorkflowHistory history = WorkflowHistory.fromJson(new String(body, StandardCharsets.UTF_8));
    if (history == null || history.workflowId() == null || history.runId() == null) {
      throw ApiProblem.of(
          400,
          "invalid-argument",
          "Invalid argument",
          "the body must be an exported workflow history with 'workflowId', 'runId' and 'events'");
    }
    WorkflowHandle<Object> run = api.client(ctx).importHistory(history);
    ApiJson.write(ctx, 201, new WorkflowResponses.RunRef(run.workflowId(), run.runId()));
  }
}
