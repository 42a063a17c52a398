package dev.weft.server.api.activities;

import dev.weft.engine.RemoteActivities;
import dev.weft.engine.RemoteActivityReport;
import dev.weft.engine.RemoteActivityTask;
import dev.weft.engine.WeftEngine;
import dev.weft.server.api.ServedNamespaces;
import dev.weft.server.api.activities.ActivityTaskBodies.BatchPollRequest;
import dev.weft.server.api.activities.ActivityTaskBodies.CompleteBatchItem;
import dev.weft.server.api.activities.ActivityTaskBodies.CompleteBatchOutcome;
import dev.weft.server.api.activities.ActivityTaskBodies.CompleteRequest;
import dev.weft.server.api.activities.ActivityTaskBodies.FailRequest;
import dev.weft.server.api.activities.ActivityTaskBodies.HeartbeatRequest;
import dev.weft.server.api.activities.ActivityTaskBodies.HeartbeatResponse;
import dev.weft.server.api.activities.ActivityTaskBodies.PollRequest;
import dev.weft.server.api.activities.ActivityTaskBodies.Task;
import dev.weft.server.api.activities.ActivityTaskBodies.TaskBatch;
import dev.weft.server.http.ApiJson;
import dev.weft.server.http.ApiProblem;
import dev.weft.server.http.ApiRole;
import dev.weft.server.http.ApiRoutes;
import dev.weft.server.http.RouteGroup;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Remote activity workers: {@code POST .../task-queues/{taskQueue}/activity-tasks/poll} (a long
 * poll: 200 with a task as soon as one is ready, 204 when none came within {@code wait}), {@code
 * .../activity-tasks/poll-batch} (the same, for up to {@code maxTasks} tasks in one claim: 200 with
 * {@code {"tasks": [...]}}, an empty list when none came; it may carry the reports of the worker's
 * previous batch, recorded before it waits, their outcomes in the answer, so that a busy worker
 * pays one round trip per batch), and {@code POST
 * .../activity-tasks/{taskToken}/heartbeat|complete|fail|canceled}, and {@code POST
 * .../activity-tasks/complete-batch} (several results and failures at once, one outcome per item:
 * {@link CompleteBatchRoute}). A report from an attempt that lost its lease is 409 {@code
 * activity-lease-lost} and writes nothing.
 */
public final class ActivityTaskRoutes implements RouteGroup {
  /** The longest a poll may wait (and the default wait). */
  public static final Duration MAX_WAIT = Duration.ofSeconds(20);

  private static final String QUEUE_BASE = "/api/v1/namespaces/{namespace}/task-queues/{taskQueue}";
  private static final String TASKS_BASE = "/api/v1/namespaces/{namespace}/activity-tasks";
  private static final String TASK_BASE = TASKS_BASE + "/{taskToken}";

  private final WeftEngine engine;
  private final ServedNamespaces namespace;

  /** Routes over {@code engine}'s remote activities, serving the namespaces of its catalog. */
  public ActivityTaskRoutes(WeftEngine engine, ServedNamespaces namespaces) {
    this.engine = engine;
    this.namespace = namespaces;
  }

  /** The engine's hook, taken per request: the server may start before its engine. */
  private RemoteActivities remote() {
    return engine.remoteActivities();
  }

  @Override
  public void addTo(ApiRoutes routes) {
    routes.post(QUEUE_BASE + "/activity-tasks/poll", ApiRole.WORKER, this::poll);
    routes.post(QUEUE_BASE + "/activity-tasks/poll-batch", ApiRole.WORKER, this::pollBatch);
    routes.post(TASK_BASE + "/heartbeat", ApiRole.WORKER, this::heartbeat);
    routes.post(TASK_BASE + "/complete", ApiRole.WORKER, this::complete);
    routes.post(TASK_BASE + "/fail", ApiRole.WORKER, this::fail);
    routes.post(TASK_BASE + "/canceled", ApiRole.WORKER, this::canceled);
    routes.post(TASKS_BASE + "/complete-batch", ApiRole.WORKER, this::completeBatch);
  }

  private void poll(Context ctx) throws InterruptedException {
    namespace.check(ctx);
    PollRequest req = ApiJson.read(ctx, PollRequest.class);
    Set<String> types = checkPoll(req.identity(), req.maxWait(), req.activityTypes());
    Optional<RemoteActivityTask> task =
        remote().poll(ctx.pathParam("taskQueue"), req.identity(), types, wait(req.maxWait()));
    if (task.isEmpty()) {
      ctx.status(204);
      return;
    }
    ApiJson.write(ctx, 200, Task.of(task.get()));
  }

  private void pollBatch(Context ctx) throws InterruptedException {
    namespace.check(ctx);
    BatchPollRequest req = ApiJson.read(ctx, BatchPollRequest.class);
    Set<String> types = checkPoll(req.identity(), req.maxWait(), req.activityTypes());
    Integer max = req.maxTasks();
    if (max == null || max < 1 || max > RemoteActivities.MAX_POLL_BATCH) {
      throw ApiProblem.badField(
          "maxTasks",
          max,
          (max == null
                  ? "field 'maxTasks' is required: the most tasks to take"
                  : "field 'maxTasks'")
              + " must be from 1 to "
              + RemoteActivities.MAX_POLL_BATCH
              + (max == null ? "" : ", was " + max));
    }
    List<CompleteBatchItem> items = req.reports() == null ? List.of() : req.reports();
    List<RemoteActivityReport> reports = CompleteBatchRoute.reports(items, "reports", 0);
    // the reports are recorded before the poll waits: their outcomes come with the tasks
    List<CompleteBatchOutcome> outcomes =
        reports.isEmpty() ? null : CompleteBatchRoute.record(remote(), reports);
    List<RemoteActivityTask> tasks =
        remote()
            .pollBatch(ctx.pathParam("taskQueue"), req.identity(), types, max, wait(req.maxWait()));
    ApiJson.write(ctx, 200, new TaskBatch(tasks.stream().map(Task::of).toList(), outcomes));
  }

  /** Checks the fields a poll and a batch poll share; returns the activity types as a set. */
  private static Set<String> checkPoll(
      String identity, Duration maxWait, List<String> activityTypes) {
    if (identity == null || identity.isBlank()) {
      throw ApiProblem.badField(
          "identity", identity, "field 'identity' is required: who polls (not blank)");
    }
    Duration wait = wait(maxWait);
    if (wait.isNegative() || wait.compareTo(MAX_WAIT) > 0) {
      throw ApiProblem.badField(
          "wait",
          wait.toString(),
          "field 'wait' must be from PT0S to " + MAX_WAIT + ", was " + wait);
    }
    List<String> types = activityTypes == null ? List.of() : activityTypes;
    for (int i = 0; i < types.size(); i++) {
      if (types.get(i) == null || types.get(i).isBlank()) {
        throw ApiProblem.badField(
            "activityTypes[" + i + "]", types.get(i), "activity types must not be blank");
      }
    }
    return Set.copyOf(types);
  }

  private static Duration wait(Duration maxWait) {
    return maxWait == null ? MAX_WAIT : maxWait;
  }

  private void heartbeat(Context ctx) {
    namespace.check(ctx);
    HeartbeatRequest req = readOrEmpty(ctx, HeartbeatRequest.class, new HeartbeatRequest(null));
    boolean cancelRequested =
        remote()
            .heartbeat(
                ctx.pathParam("taskToken"),
                req.details() == null ? null : JsonPayloads.toPayload(req.details()));
    ApiJson.write(ctx, 200, new HeartbeatResponse(cancelRequested));
  }

  private void complete(Context ctx) {
    namespace.check(ctx);
    CompleteRequest req = readOrEmpty(ctx, CompleteRequest.class, new CompleteRequest(null));
    remote().complete(ctx.pathParam("taskToken"), JsonPayloads.toPayload(req.result()));
    ctx.status(204);
  }

  private void fail(Context ctx) {
    namespace.check(ctx);
    FailRequest req = ApiJson.read(ctx, FailRequest.class);
    remote().fail(ctx.pathParam("taskToken"), CompleteBatchRoute.failure(req, ""));
    ctx.status(204);
  }

  private void completeBatch(Context ctx) {
    namespace.check(ctx);
    CompleteBatchRoute.handle(ctx, remote());
  }

  private void canceled(Context ctx) {
    namespace.check(ctx);
    remote().reportCanceled(ctx.pathParam("taskToken"));
    ctx.status(204);
  }

  /** Reads the body, or takes {@code empty} when there is none (every field is optional). */
  private static <T> T readOrEmpty(Context ctx, Class<T> type, T empty) {
    return ctx.bodyAsBytes().length == 0 ? empty : ApiJson.read(ctx, type);
  }
}
