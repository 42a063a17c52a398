package dev.weft.server.api.activities;

import dev.weft.client.WeftClient;
import dev.weft.engine.TaskQueueDescription;
import dev.weft.engine.TaskQueuePoller;
import dev.weft.engine.WeftEngine;
import dev.weft.server.api.ServedNamespaces;
import dev.weft.server.http.ApiJson;
import dev.weft.server.http.ApiProblem;
import dev.weft.server.http.ApiRole;
import dev.weft.server.http.ApiRoutes;
import dev.weft.server.http.RouteGroup;
import dev.weft.store.UnknownTaskQueueException;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Task queues: {@code GET /api/v1/namespaces/{namespace}/task-queues} (every known queue,
 * described), {@code GET .../task-queues/{taskQueue}} (backlog, oldest task age, pause, this node's
 * pollers), {@code POST .../pause} and {@code .../resume}. A queue no worker registered or polled
 * is 404 {@code task-queue-not-found}.
 */
public final class TaskQueueRoutes implements RouteGroup {
  private static final String LIST = "/api/v1/namespaces/{namespace}/task-queues";
  private static final String BASE = LIST + "/{taskQueue}";

  private final WeftEngine engine;
  private final WeftClient client;
  private final ServedNamespaces namespace;

  /** Routes over {@code engine}, serving the namespaces of its catalog. */
  public TaskQueueRoutes(WeftEngine engine, ServedNamespaces namespaces) {
    this.engine = engine;
    this.client = engine.client();
    this.namespace = namespaces;
  }

  /** {@code POST .../pause}. */
  record PauseRequest(String reason) {}

  /** A queue's waiting tasks. */
  record Backlog(long workflowTasks, long activityTasks, Duration oldestTaskAge) {}

  /** A poller of the queue on this node. */
  record Poller(String identity, String kind, boolean remote, Instant lastPollTime) {
    static Poller of(TaskQueuePoller p) {
      return new Poller(p.identity(), p.kind(), p.remote(), p.lastPollTime());
    }
  }

  /** {@code GET .../task-queues/{taskQueue}}. */
  record Description(
      String taskQueue,
      boolean paused,
      String pauseReason,
      Backlog backlog,
      List<Poller> pollers,
      Instant describedAt) {
    static Description of(TaskQueueDescription d) {
      return new Description(
          d.taskQueue(),
          d.paused(),
          d.pauseReason(),
          new Backlog(d.workflowTaskBacklog(), d.activityTaskBacklog(), d.oldestTaskAge()),
          d.pollers().stream().map(Poller::of).toList(),
          d.describedAt());
    }
  }

  /** {@code GET .../task-queues}: every known queue, by name. */
  record TaskQueueList(List<Description> taskQueues) {}

  @Override
  public void addTo(ApiRoutes routes) {
    routes.get(LIST, ApiRole.READER, this::list);
    routes.get(BASE, ApiRole.READER, this::describe);
    routes.post(BASE + "/pause", ApiRole.OPERATOR, this::pause);
    routes.post(BASE + "/resume", ApiRole.OPERATOR, this::resume);
  }

  private void list(Context ctx) {
    namespace.check(ctx);
    ApiJson.write(
        ctx,
        200,
        new TaskQueueList(engine.listTaskQueues().stream().map(Description::of).toList()));
  }

  private void describe(Context ctx) {
    namespace.check(ctx);
    answer(ctx, () -> engine.describeTaskQueue(ctx.pathParam("taskQueue")));
  }

  private void pause(Context ctx) {
    namespace.check(ctx);
    PauseRequest req =
        ctx.bodyAsBytes().length == 0
            ? new PauseRequest(null)
            : ApiJson.read(ctx, PauseRequest.class);
    String taskQueue = ctx.pathParam("taskQueue");
    answer(
        ctx,
        () -> {
          client.pauseTaskQueue(taskQueue, req.reason() == null ? "" : req.reason());
          return engine.describeTaskQueue(taskQueue);
        });
  }

  private void resume(Context ctx) {
    namespace.check(ctx);
    String taskQueue = ctx.pathParam("taskQueue");
    answer(
        ctx,
        () -> {
          client.resumeTaskQueue(taskQueue);
          return engine.describeTaskQueue(taskQueue);
        });
  }

  private static void answer(Context ctx, Supplier<TaskQueueDescription> work) {
    TaskQueueDescription d;
    try {
      d = work.get();
    } catch (UnknownTaskQueueException e) {
      throw ApiProblem.notFound("task-queue-not-found", e.getMessage())
          .withField("taskQueue", e.taskQueue())
          .with("taskQueue", e.taskQueue())
          .with("known", new java.util.TreeSet<>(e.knownQueues()));
    }
    ApiJson.write(ctx, 200, Description.of(d));
  }
}
