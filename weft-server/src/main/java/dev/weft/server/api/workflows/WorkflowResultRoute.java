package dev.weft.server.api.workflows;

import dev.weft.client.WorkflowHandle;
import dev.weft.common.WorkflowStatus;
import dev.weft.failure.WorkflowFailedException;
import dev.weft.server.api.QueryParams;
import dev.weft.server.http.ApiJson;
import dev.weft.server.http.ApiRole;
import dev.weft.server.http.ApiRoutes;
import dev.weft.server.http.RouteGroup;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * {@code GET .../workflows/{workflowId}/result?runId&wait=PT30S}, a long poll: waits at most {@code
 * wait} (up to {@link #MAX_WAIT}) for the workflow's chain to close, as {@code
 * WorkflowHandle.getResult} does, then answers 200 with the outcome, COMPLETED with the result or
 * FAILED, CANCELED, TERMINATED or TIMED_OUT with the failure; or 202 with status RUNNING if the
 * wait ran out first (naming the run that is running, the last of the chain), for the caller to ask
 * again. A workflow's failure is its outcome, not the request's: it is a 200.
 */
final class WorkflowResultRoute implements RouteGroup {
  /** The longest wait a request may ask for (below common proxy and client timeouts). */
  static final Duration MAX_WAIT = Duration.ofSeconds(60);

  /** The wait of a request that asks for none. */
  static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

  private final WorkflowRoutes api;

  WorkflowResultRoute(WorkflowRoutes api) {
    this.api = api;
  }

  @Override
  public void addTo(ApiRoutes routes) {
    routes.get(WorkflowRoutes.ONE + "/result", ApiRole.READER, this::result);
  }

  private void result(Context ctx) {
    String workflowId = api.workflowId(ctx);
    QueryParams params = QueryParams.of(ctx, "runId", "wait");
    String runId = params.text("runId");
    Duration wait = params.duration("wait", DEFAULT_WAIT, MAX_WAIT);
    WorkflowHandle<Object> handle = api.handle(ctx, workflowId, runId);
    WorkflowResponses.Outcome outcome;
    int status = 200;
    try {
      Object result = handle.getResult(wait);
      outcome =
          new WorkflowResponses.Outcome(
              workflowId, WorkflowStatus.COMPLETED, JsonValues.toJson(result), null, null);
    } catch (WorkflowFailedException e) {
      outcome =
          new WorkflowResponses.Outcome(
              workflowId,
              e.getStatus(),
              null,
              e.getRunId(),
              WorkflowFailureDocument.of(e.getCause() != null ? e.getCause() : e));
    } catch (CompletionException e) {
      if (!(e.getCause() instanceof TimeoutException)) {
        throw e;
      }
      status = 202;
      outcome =
          new WorkflowResponses.Outcome(
              workflowId, WorkflowStatus.RUNNING, null, runningRun(ctx, workflowId), null);
    }
    ApiJson.write(ctx, status, outcome);
  }

  /**
   * The run the wait is on: the chain had not closed, so its last run is the workflow's running run
   * (a workflow ID has at most one), which is the workflow's current run.
   */
  private String runningRun(Context ctx, String workflowId) {
    return api.client(ctx).getHandle(workflowId).describe().runId();
  }
}
