package dev.weft.server.api.workflows;

import dev.weft.client.WorkflowHandle;
import dev.weft.server.api.QueryParams;
import dev.weft.server.http.ApiJson;
import dev.weft.server.http.ApiProblem;
import dev.weft.server.http.ApiRole;
import dev.weft.server.http.ApiRoutes;
import dev.weft.server.http.RouteGroup;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.function.BiConsumer;

/**
 * Controls of a run: {@code POST .../cancel}, {@code .../terminate}, {@code .../pause} (204; the
 * body, a reason, may be left out), {@code POST .../resume} (204) and {@code POST .../reset} (201
 * with the new run).
 */
final class WorkflowControlRoutes implements RouteGroup {
  private final WorkflowRoutes api;

  WorkflowControlRoutes(WorkflowRoutes api) {
    this.api = api;
  }

  @Override
  public void addTo(ApiRoutes routes) {
    routes.post(
        WorkflowRoutes.ONE + "/cancel", ApiRole.OPERATOR, withReason(WorkflowHandle::cancel));
    routes.post(
        WorkflowRoutes.ONE + "/terminate", ApiRole.OPERATOR, withReason(WorkflowHandle::terminate));
    routes.post(WorkflowRoutes.ONE + "/pause", ApiRole.OPERATOR, withReason(WorkflowHandle::pause));
    routes.post(WorkflowRoutes.ONE + "/resume", ApiRole.OPERATOR, this::resume);
    routes.post(WorkflowRoutes.ONE + "/reset", ApiRole.OPERATOR, this::reset);
  }

  private Handler withReason(BiConsumer<WorkflowHandle<Object>, String> action) {
    return ctx -> {
      String workflowId = api.workflowId(ctx);
      String runId = QueryParams.of(ctx, "runId").text("runId");
      WorkflowRequests.Reason r =
          Bodies.optional(ctx, WorkflowRequests.Reason.class, WorkflowRequests.Reason.NONE);
      action.accept(api.handle(ctx, workflowId, runId), r.text());
      ctx.status(204);
    };
  }

  private void resume(Context ctx) {
    String workflowId = api.workflowId(ctx);
    String runId = QueryParams.of(ctx, "runId").text("runId");
    Bodies.optional(ctx, WorkflowRequests.Resume.class, WorkflowRequests.Resume.NONE);
    api.handle(ctx, workflowId, runId).resume();
    ctx.status(204);
  }

  private void reset(Context ctx) {
    String workflowId = api.workflowId(ctx);
    String runId = QueryParams.of(ctx, "runId").text("runId");
    WorkflowRequests.Reset r = ApiJson.read(ctx, WorkflowRequests.Reset.class);
    long eventId = Bodies.required(r.eventId(), "eventId");
    if (eventId < 1) {
      throw ApiProblem.badField("eventId", eventId, "field 'eventId' must be an event ID, from 1");
    }
    WorkflowHandle<Object> h =
        api.client(ctx).reset(workflowId, runId, eventId, r.reason() == null ? "" : r.reason());
    ApiJson.write(ctx, 201, new WorkflowResponses.RunRef(h.workflowId(), h.runId()));
  }
}
