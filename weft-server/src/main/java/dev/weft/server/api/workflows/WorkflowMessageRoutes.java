package dev.weft.server.api.workflows;

import dev.weft.server.api.QueryParams;
import dev.weft.server.http.ApiJson;
import dev.weft.server.http.ApiProblem;
import dev.weft.server.http.ApiRole;
import dev.weft.server.http.ApiRoutes;
import dev.weft.server.http.RouteGroup;
import io.javalin.http.Context;
import java.time.Duration;

/**
 * Messages to a run: {@code POST .../signals/{signalName}} (204), {@code POST
 * .../queries/{queryName}} (200 with the answer) and {@code POST .../updates/{updateName}} (200
 * with the handler's result). The body may be left out when there are no arguments.
 */
final class WorkflowMessageRoutes implements RouteGroup {
  /** The update wait of a request that sets no timeout (as {@code WorkflowHandle.update}). */
  static final Duration DEFAULT_UPDATE_TIMEOUT = Duration.ofMinutes(1);

  /** The longest update wait a request may ask for. */
  static final Duration MAX_UPDATE_TIMEOUT = Duration.ofMinutes(10);

  private final WorkflowRoutes api;

  WorkflowMessageRoutes(WorkflowRoutes api) {
    this.api = api;
  }

  @Override
  public void addTo(ApiRoutes routes) {
    routes.post(WorkflowRoutes.ONE + "/signals/{signalName}", ApiRole.OPERATOR, this::signal);
    routes.post(
        WorkflowRoutes.ONE + "/queries/{queryName}",
        ApiRole.READER,
        FailureProblems.writing(this::query));
    routes.post(
        WorkflowRoutes.ONE + "/updates/{updateName}",
        ApiRole.OPERATOR,
        FailureProblems.writing(this::update));
  }

  private void signal(Context ctx) {
    String workflowId = api.workflowId(ctx);
    String runId = QueryParams.of(ctx, "runId").text("runId");
    WorkflowRequests.Args r =
        Bodies.optional(ctx, WorkflowRequests.Args.class, WorkflowRequests.Args.NONE);
    api.handle(ctx, workflowId, runId)
        .signal(ctx.pathParam("signalName"), JsonValues.args(r.args()));
    ctx.status(204);
  }

  private void query(Context ctx) {
    String workflowId = api.workflowId(ctx);
    String runId = QueryParams.of(ctx, "runId").text("runId");
    WorkflowRequests.Args r =
        Bodies.optional(ctx, WorkflowRequests.Args.class, WorkflowRequests.Args.NONE);
    var handle = api.handle(ctx, workflowId, runId);
    Object answer =
        FailureProblems.call(
            "query-timed-out",
            () ->
                handle.query(ctx.pathParam("queryName"), Object.class, JsonValues.args(r.args())));
    ApiJson.write(ctx, 200, new WorkflowResponses.Result(JsonValues.toJson(answer)));
  }

  private void update(Context ctx) {
    String workflowId = api.workflowId(ctx);
    String runId = QueryParams.of(ctx, "runId").text("runId");
    WorkflowRequests.Update r =
        Bodies.optional(ctx, WorkflowRequests.Update.class, WorkflowRequests.Update.NONE);
    Duration timeout = Durations.parse("timeout", r.timeout());
    if (timeout == null) {
      timeout = DEFAULT_UPDATE_TIMEOUT;
    } else if (timeout.compareTo(Duration.ofSeconds(1)) < 0
        || timeout.compareTo(MAX_UPDATE_TIMEOUT) > 0) {
      throw ApiProblem.badField(
          "timeout", r.timeout(), "field 'timeout' must be from PT1S to " + MAX_UPDATE_TIMEOUT);
    }
    var handle = api.handle(ctx, workflowId, runId);
    Duration wait = timeout;
    Object result =
        FailureProblems.call(
            "update-timed-out",
            () ->
                handle.update(
                    ctx.pathParam("updateName"), wait, Object.class, JsonValues.args(r.args())));
    ApiJson.write(ctx, 200, new WorkflowResponses.Result(JsonValues.toJson(result)));
  }
}
