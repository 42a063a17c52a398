package dev.weft.server.api.workflows;

import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowIdConflictPolicy;
import dev.weft.client.WorkflowOptions;
import dev.weft.server.api.QueryParams;
import dev.weft.server.http.ApiJson;
import dev.weft.server.http.ApiRole;
import dev.weft.server.http.ApiRoutes;
import dev.weft.server.http.RouteGroup;
import io.javalin.http.Context;

/**
 * {@code POST .../workflows} (start, 201), {@code POST
 * .../workflows/{workflowId}/signal-with-start} and {@code POST
 * .../workflows/{workflowId}/update-with-start} (200): every {@code WorkflowOptions} field,
 * validated before anything is written.
 */
final class WorkflowStartRoutes implements RouteGroup {
  private final WorkflowRoutes api;

  WorkflowStartRoutes(WorkflowRoutes api) {
    this.api = api;
  }

  @Override
  public void addTo(ApiRoutes routes) {
    routes.post(WorkflowRoutes.BASE, ApiRole.OPERATOR, this::start);
    routes.post(WorkflowRoutes.ONE + "/signal-with-start", ApiRole.OPERATOR, this::signalWithStart);
    routes.post(
        WorkflowRoutes.ONE + "/update-with-start",
        ApiRole.OPERATOR,
        FailureProblems.writing(this::updateWithStart));
  }

  private void start(Context ctx) {
    api.checkNamespace(ctx);
    QueryParams.of(ctx);
    WorkflowRequests.Start r = ApiJson.read(ctx, WorkflowRequests.Start.class);
    String type = Bodies.requiredName(r.workflowType(), "workflowType");
    WorkflowOptions options = WorkflowOptionsMapping.toOptions(r.options(), null, null);
    WorkflowHandle<Object> h = api.client(ctx).start(type, options, JsonValues.args(r.args()));
    ApiJson.write(ctx, 201, new WorkflowResponses.RunRef(h.workflowId(), h.runId()));
  }

  private void signalWithStart(Context ctx) {
    String workflowId = api.workflowId(ctx);
    QueryParams.of(ctx);
    WorkflowRequests.SignalWithStart r = ApiJson.read(ctx, WorkflowRequests.SignalWithStart.class);
    String type = Bodies.requiredName(r.workflowType(), "workflowType");
    String signal = Bodies.requiredName(r.signalName(), "signalName");
    WorkflowOptions options = WorkflowOptionsMapping.toOptions(r.options(), workflowId, null);
    WorkflowHandle<Object> h =
        api.client(ctx)
            .signalWithStart(
                type, options, JsonValues.args(r.args()), signal, JsonValues.args(r.signalArgs()));
    ApiJson.write(ctx, 200, new WorkflowResponses.RunRef(h.workflowId(), h.runId()));
  }

  private void updateWithStart(Context ctx) {
    String workflowId = api.workflowId(ctx);
    QueryParams.of(ctx);
    WorkflowRequests.UpdateWithStart r = ApiJson.read(ctx, WorkflowRequests.UpdateWithStart.class);
    String type = Bodies.requiredName(r.workflowType(), "workflowType");
    String update = Bodies.requiredName(r.updateName(), "updateName");
    WorkflowOptions options =
        WorkflowOptionsMapping.toOptions(
            r.options(), workflowId, WorkflowIdConflictPolicy.USE_EXISTING);
    Object result =
        FailureProblems.call(
            "update-timed-out",
            () ->
                api.client(ctx)
                    .executeUpdateWithStart(
                        type,
                        options,
                        JsonValues.args(r.args()),
                        update,
                        Object.class,
                        JsonValues.args(r.updateArgs())));
    String runId = api.client(ctx).getHandle(workflowId).runId();
    ApiJson.write(
        ctx,
        200,
        new WorkflowResponses.UpdateWithStartResult(workflowId, runId, JsonValues.toJson(result)));
  }
}
