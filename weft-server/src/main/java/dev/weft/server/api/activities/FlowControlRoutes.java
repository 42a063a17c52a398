package dev.weft.server.api.activities;

import dev.weft.client.WeftClient;
import dev.weft.engine.WeftEngine;
import dev.weft.server.api.ServedNamespaces;
import dev.weft.server.api.activities.FlowControlDocuments.FlowControlDocument;
import dev.weft.server.api.activities.FlowControlDocuments.KeyLimitDocument;
import dev.weft.server.api.activities.FlowControlDocuments.PauseRequest;
import dev.weft.server.api.activities.FlowControlDocuments.Rate;
import dev.weft.server.http.ApiJson;
import dev.weft.server.http.ApiProblem;
import dev.weft.server.http.ApiRole;
import dev.weft.server.http.ApiRoutes;
import dev.weft.server.http.RouteGroup;
import dev.weft.store.UnknownTaskQueueException;
import io.javalin.http.Context;
import java.util.TreeSet;

/**
 * Task queue flow control across all nodes, as {@link WeftClient}'s methods of the same names do
 * it: {@code GET /api/v1/namespaces/{namespace}/flow-control} (every queue's pauses and limits),
 * and under {@code .../task-queues/{taskQueue}}: {@code POST
 * activity-types/{activityType}/pause|resume}, {@code PUT|DELETE rate-limit} and {@code PUT|DELETE
 * fairness-keys/{fairnessKey}/limit}. (Pausing the whole queue is {@link TaskQueueRoutes}'.) A
 * queue no worker ever registered is 404 {@code task-queue-not-found}, naming the known ones; a
 * change answers 204.
 */
public final class FlowControlRoutes implements RouteGroup {
  private static final String NAMESPACE = "/api/v1/namespaces/{namespace}";
  private static final String QUEUE = NAMESPACE + "/task-queues/{taskQueue}";
  private static final String TYPE = QUEUE + "/activity-types/{activityType}";
  private static final String KEY_LIMIT = QUEUE + "/fairness-keys/{fairnessKey}/limit";

  private final WeftClient client;
  private final ServedNamespaces namespace;

  /** Routes over {@code engine}'s client, serving the namespaces of its catalog. */
  public FlowControlRoutes(WeftEngine engine, ServedNamespaces namespaces) {
    this.client = engine.client();
    this.namespace = namespaces;
  }

  @Override
  public void addTo(ApiRoutes routes) {
    routes.get(NAMESPACE + "/flow-control", ApiRole.READER, this::read);
    routes.post(TYPE + "/pause", ApiRole.OPERATOR, this::pauseType);
    routes.post(TYPE + "/resume", ApiRole.OPERATOR, this::resumeType);
    routes.put(QUEUE + "/rate-limit", ApiRole.OPERATOR, this::setRate);
    routes.delete(QUEUE + "/rate-limit", ApiRole.OPERATOR, this::removeRate);
    routes.put(KEY_LIMIT, ApiRole.OPERATOR, this::setKeyLimit);
    routes.delete(KEY_LIMIT, ApiRole.OPERATOR, this::removeKeyLimit);
  }

  private void read(Context ctx) {
    namespace.check(ctx);
    ApiJson.write(ctx, 200, FlowControlDocument.of(client.flowControl()));
  }

  private void pauseType(Context ctx) {
    namespace.check(ctx);
    PauseRequest req =
        ctx.bodyAsBytes().length == 0
            ? new PauseRequest(null)
            : ApiJson.read(ctx, PauseRequest.class);
    change(
        ctx,
        () ->
            client.pauseActivityType(
                ctx.pathParam("taskQueue"),
                ctx.pathParam("activityType"),
                req.reason() == null ? "" : req.reason()));
  }

  private void resumeType(Context ctx) {
    namespace.check(ctx);
    change(
        ctx,
        () -> client.resumeActivityType(ctx.pathParam("taskQueue"), ctx.pathParam("activityType")));
  }

  private void setRate(Context ctx) {
    namespace.check(ctx);
    Rate rate = ApiJson.read(ctx, Rate.class);
    change(ctx, () -> client.setTaskQueueRateLimit(ctx.pathParam("taskQueue"), rate.toLimit("")));
  }

  private void removeRate(Context ctx) {
    namespace.check(ctx);
    change(ctx, () -> client.setTaskQueueRateLimit(ctx.pathParam("taskQueue"), null));
  }

  private void setKeyLimit(Context ctx) {
    namespace.check(ctx);
    KeyLimitDocument limit = ApiJson.read(ctx, KeyLimitDocument.class);
    change(
        ctx,
        () ->
            client.setFairnessKeyLimit(
                ctx.pathParam("taskQueue"), ctx.pathParam("fairnessKey"), limit.toLimit()));
  }

  private void removeKeyLimit(Context ctx) {
    namespace.check(ctx);
    change(
        ctx,
        () ->
            client.setFairnessKeyLimit(
                ctx.pathParam("taskQueue"), ctx.pathParam("fairnessKey"), null));
  }

  /** Makes a change, answering 204, or 404 {@code task-queue-not-found}. */
  private static void change(Context ctx, Runnable change) {
    try {
      change.run();
    } catch (UnknownTaskQueueException e) {
      throw ApiProblem.notFound("task-queue-not-found", e.getMessage())
          .withField("taskQueue", e.taskQueue())
          .with("taskQueue", e.taskQueue())
          .with("known", new TreeSet<>(e.knownQueues()));
    }
    ctx.status(204);
  }
}
