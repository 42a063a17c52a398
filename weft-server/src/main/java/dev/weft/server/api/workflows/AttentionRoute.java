package dev.weft.server.api.workflows;

import dev.weft.client.AttentionKind;
import dev.weft.client.AttentionPage;
import dev.weft.client.AttentionReason;
import dev.weft.client.RunNeedingAttention;
import dev.weft.server.api.QueryParams;
import dev.weft.server.http.ApiJson;
import dev.weft.server.http.ApiRole;
import dev.weft.server.http.ApiRoutes;
import dev.weft.server.http.RouteGroup;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET .../attention}: the running runs that need an operator's attention, newest first,
 * paged ({@link dev.weft.client.WeftClient#listRunsNeedingAttention}).
 */
final class AttentionRoute implements RouteGroup {
  static final String PATH = "/api/v1/namespaces/{namespace}/attention";

  private final WorkflowRoutes api;

  AttentionRoute(WorkflowRoutes api) {
    this.api = api;
  }

  @Override
  public void addTo(ApiRoutes routes) {
    routes.get(PATH, ApiRole.READER, this::list);
  }

  private void list(Context ctx) {
    api.checkNamespace(ctx);
    QueryParams params = QueryParams.of(ctx, "pageSize", "nextPageToken");
    int pageSize = params.integer("pageSize", 100, 1, 1000);
    String token = params.text("nextPageToken");
    AttentionPage page;
    try {
      page = api.client(ctx).listRunsNeedingAttention(pageSize, token);
    } catch (IllegalArgumentException e) {
      throw QueryParams.invalid(
          "nextPageToken", token, "query parameter 'nextPageToken': " + e.getMessage());
    }
    ApiJson.write(
        ctx, 200, new Page(page.runs().stream().map(Run::of).toList(), page.nextPageToken()));
  }

  /** {@code AttentionPage}. */
  record Page(List<Run> runs, String nextPageToken) {}

  /** {@code AttentionRun}. */
  record Run(
      String workflowId,
      String runId,
      String workflowType,
      String taskQueue,
      Instant startTime,
      List<Reason> reasons) {
    static Run of(RunNeedingAttention r) {
      return new Run(
          r.workflowId(),
          r.runId(),
          r.workflowType(),
          r.taskQueue(),
          r.startTime(),
          r.reasons().stream().map(Reason::of).toList());
    }
  }

  /** {@code AttentionReason}: the activity's seq and type only for an activity. */
  record Reason(
      AttentionKind kind, int attempt, String message, Long activitySeq, String activityType) {
    static Reason of(AttentionReason r) {
      return new Reason(
          r.kind(),
          r.attempt(),
          r.message(),
          r.isActivity() ? r.activitySeq() : null,
          r.activityType());
    }
  }
}
