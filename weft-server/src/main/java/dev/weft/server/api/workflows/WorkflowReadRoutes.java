package dev.weft.server.api.workflows;

import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowPage;
import dev.weft.common.WorkflowStatus;
import dev.weft.failure.InvalidQueryException;
import dev.weft.server.api.QueryParams;
import dev.weft.server.http.ApiJson;
import dev.weft.server.http.ApiProblem;
import dev.weft.server.http.ApiRole;
import dev.weft.server.http.ApiRoutes;
import dev.weft.server.http.ProblemResponses;
import dev.weft.server.http.RouteGroup;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Map;

/**
 * The reads: {@code GET .../workflows} (list with the filter language, paged), {@code GET
 * .../workflow-count}, {@code GET .../workflows/{workflowId}} (describe) and {@code GET
 * .../workflows/{workflowId}/history} (paged, see {@link HistoryPages}).
 */
final class WorkflowReadRoutes implements RouteGroup {
  /** The count of a namespace's runs (beside the collection: no workflow ID is shadowed). */
  static final String COUNT = "/api/v1/namespaces/{namespace}/workflow-count";

  /** The one field counts can be grouped by (Temporal's {@code GROUP BY ExecutionStatus}). */
  static final String GROUPABLE = "ExecutionStatus";

  private final WorkflowRoutes api;

  WorkflowReadRoutes(WorkflowRoutes api) {
    this.api = api;
  }

  @Override
  public void addTo(ApiRoutes routes) {
    routes.get(WorkflowRoutes.BASE, ApiRole.READER, this::list);
    routes.get(COUNT, ApiRole.READER, this::count);
    routes.get(WorkflowRoutes.ONE, ApiRole.READER, this::describe);
    routes.get(WorkflowRoutes.ONE + "/history", ApiRole.READER, this::history);
  }

  private void list(Context ctx) {
    api.checkNamespace(ctx);
    QueryParams params = QueryParams.of(ctx, "query", "pageSize", "nextPageToken");
    WorkflowFilter filter =
        filter(params.text("query")).withPageSize(params.integer("pageSize", 100, 1, 1000));
    String token = params.text("nextPageToken");
    if (token != null) {
      filter = filter.pageToken(token);
    }
    WorkflowPage page;
    try {
      page = api.client(ctx).listWorkflows(filter);
    } catch (InvalidQueryException e) {
      throw queryProblem(e);
    } catch (IllegalArgumentException e) {
      throw QueryParams.invalid(
          "nextPageToken", token, "query parameter 'nextPageToken': " + e.getMessage());
    }
    ApiJson.write(
        ctx,
        200,
        new WorkflowResponses.ListPage(
            page.workflows().stream().map(WorkflowResponses.Summary::of).toList(),
            page.nextPageToken()));
  }

  private void count(Context ctx) {
    api.checkNamespace(ctx);
    QueryParams params = QueryParams.of(ctx, "query", "groupBy");
    String groupBy = params.text("groupBy");
    if (groupBy != null && !groupBy.equals(GROUPABLE)) {
      throw QueryParams.invalid(
          "groupBy",
          groupBy,
          "query parameter 'groupBy' can only be " + GROUPABLE + " (the one groupable field)");
    }
    WorkflowFilter filter = filter(params.text("query"));
    try {
      if (groupBy == null) {
        ApiJson.write(
            ctx, 200, new WorkflowResponses.Count(api.client(ctx).countWorkflows(filter), null));
        return;
      }
      Map<WorkflowStatus, Long> counts = api.client(ctx).countWorkflowsByStatus(filter);
      ApiJson.write(
          ctx,
          200,
          new WorkflowResponses.Count(
              counts.values().stream().mapToLong(Long::longValue).sum(),
              counts.entrySet().stream()
                  .map(e -> new WorkflowResponses.CountGroup(e.getKey().name(), e.getValue()))
                  .toList()));
    } catch (InvalidQueryException e) {
      throw queryProblem(e);
    }
  }

  private void describe(Context ctx) {
    String workflowId = api.workflowId(ctx);
    QueryParams params = QueryParams.of(ctx, "runId");
    ApiJson.write(
        ctx,
        200,
        WorkflowResponses.Description.of(
            api.handle(ctx, workflowId, params.text("runId")).describe(),
            api.searchAttributeTypes()));
  }

  private void history(Context ctx) {
    String workflowId = api.workflowId(ctx);
    QueryParams params =
        QueryParams.of(
            ctx, "runId", "pageSize", "nextPageToken", "afterEventId", "waitNewEvent", "wait");
    boolean waitNewEvent = params.bool("waitNewEvent", false);
    if (!waitNewEvent && params.text("wait") != null) {
      throw QueryParams.invalid(
          "wait",
          params.text("wait"),
          "query parameter 'wait' is only taken with waitNewEvent=true");
    }
    Duration wait =
        waitNewEvent
            ? params.duration("wait", HistoryPages.DEFAULT_WAIT, HistoryPages.MAX_WAIT)
            : Duration.ZERO;
    long afterEventId = params.longInteger("afterEventId", -1, 0, Long.MAX_VALUE - 1);
    String token = params.text("nextPageToken");
    if (afterEventId >= 0 && token != null) {
      throw QueryParams.invalid(
          "afterEventId",
          afterEventId,
          "query parameter 'afterEventId' and 'nextPageToken' both say where to start: pass one");
    }
    ApiJson.write(
        ctx,
        200,
        HistoryPages.page(
            api,
            ctx,
            workflowId,
            params.text("runId"),
            params.integer("pageSize", 100, 1, 1000),
            token,
            Math.max(afterEventId, 0),
            wait));
  }

  private static WorkflowFilter filter(String query) {
    return query == null || query.isBlank() ? WorkflowFilter.all() : WorkflowFilter.query(query);
  }

  private static ApiProblem queryProblem(InvalidQueryException e) {
    return ProblemResponses.fromEngine(e).withField("query", e.getQuery());
  }
}
