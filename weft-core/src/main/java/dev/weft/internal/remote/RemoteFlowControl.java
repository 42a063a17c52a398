package dev.weft.internal.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.store.FlowControl;
import dev.weft.store.KeyLimit;
import dev.weft.store.Pause;
import dev.weft.store.RateLimit;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Task queue flow control over HTTP: the client's pauses and limits go to the task queue routes
 * ({@code .../task-queues/{taskQueue}/pause}, {@code activity-types/{type}/pause}, {@code
 * rate-limit}, {@code fairness-keys/{key}/limit}) and {@code flowControl()} reads {@code
 * .../flow-control}. An unknown queue comes back as {@link
 * dev.weft.store.UnknownTaskQueueException}, as from the embedded client.
 */
final class RemoteFlowControl {
  private final ApiTransport api;

  RemoteFlowControl(ApiTransport api) {
    this.api = api;
  }

  void pauseTaskQueue(String taskQueue, String reason) {
    ObjectNode body = ApiTransport.JSON.createObjectNode();
    body.put("reason", reason == null ? "" : reason);
    api.post(queue(taskQueue) + "/pause", null, body, Duration.ZERO, call("pause", taskQueue));
  }

  void resumeTaskQueue(String taskQueue) {
    api.post(queue(taskQueue) + "/resume", null, null, Duration.ZERO, call("resume", taskQueue));
  }

  void pauseActivityType(String taskQueue, String activityType, String reason) {
    ObjectNode body = ApiTransport.JSON.createObjectNode();
    body.put("reason", reason == null ? "" : reason);
    api.post(
        type(taskQueue, activityType) + "/pause",
        null,
        body,
        Duration.ZERO,
        call("pause an activity type of", taskQueue));
  }

  void resumeActivityType(String taskQueue, String activityType) {
    api.post(
        type(taskQueue, activityType) + "/resume",
        null,
        null,
        Duration.ZERO,
        call("resume an activity type of", taskQueue));
  }

  void setTaskQueueRateLimit(String taskQueue, RateLimit rate) {
    String path = queue(taskQueue) + "/rate-limit";
    if (rate == null) {
      api.delete(path, call("remove the rate limit of", taskQueue));
    } else {
      api.put(path, rate(rate), call("set the rate limit of", taskQueue));
    }
  }

  void setFairnessKeyLimit(String taskQueue, String fairnessKey, KeyLimit limit) {
    if (fairnessKey == null || fairnessKey.isBlank()) {
      throw new IllegalArgumentException("a fairness key is required (not blank)");
    }
    String path =
        queue(taskQueue) + "/fairness-keys/" + ApiTransport.segment(fairnessKey) + "/limit";
    if (limit == null) {
      api.delete(path, call("remove the key limits of", taskQueue));
      return;
    }
    ObjectNode body = ApiTransport.JSON.createObjectNode();
    if (limit.maxRunning() != null) {
      body.put("maxRunning", limit.maxRunning());
    }
    if (limit.rate() != null) {
      body.set("rate", rate(limit.rate()));
    }
    api.put(path, body, call("set the key limits of", taskQueue));
  }

  FlowControl flowControl() {
    JsonNode doc =
        api.get(
                "/flow-control",
                null,
                Duration.ZERO,
                CallContext.of("read flow control", null, null))
            .body();
    Set<String> queues = new HashSet<>();
    doc.path("queues").forEach(q -> queues.add(q.asText()));
    Map<String, Pause> pausedQueues = new HashMap<>();
    doc.path("pausedQueues")
        .fields()
        .forEachRemaining(e -> pausedQueues.put(e.getKey(), pause(e.getValue())));
    Map<String, Map<String, Pause>> pausedTypes = new HashMap<>();
    doc.path("pausedActivityTypes")
        .fields()
        .forEachRemaining(
            q -> {
              Map<String, Pause> byType = new HashMap<>();
              q.getValue()
                  .fields()
                  .forEachRemaining(t -> byType.put(t.getKey(), pause(t.getValue())));
              pausedTypes.put(q.getKey(), byType);
            });
    Map<String, RateLimit> rates = new HashMap<>();
    doc.path("queueRates")
        .fields()
        .forEachRemaining(e -> rates.put(e.getKey(), rate(e.getValue())));
    Map<String, Map<String, KeyLimit>> keyLimits = new HashMap<>();
    doc.path("keyLimits")
        .fields()
        .forEachRemaining(
            q -> {
              Map<String, KeyLimit> byKey = new HashMap<>();
              q.getValue()
                  .fields()
                  .forEachRemaining(
                      k -> {
                        JsonNode l = k.getValue();
                        byKey.put(
                            k.getKey(),
                            new KeyLimit(
                                l.hasNonNull("maxRunning") ? l.get("maxRunning").asInt() : null,
                                l.hasNonNull("rate") ? rate(l.get("rate")) : null));
                      });
              keyLimits.put(q.getKey(), byKey);
            });
    return new FlowControl(queues, pausedQueues, pausedTypes, rates, keyLimits);
  }

  private static ObjectNode rate(RateLimit rate) {
    ObjectNode n = ApiTransport.JSON.createObjectNode();
    n.put("perSecond", rate.perSecond());
    n.put("burst", rate.burst());
    return n;
  }

  private static RateLimit rate(JsonNode n) {
    return new RateLimit(n.path("perSecond").asDouble(), n.path("burst").asInt());
  }

  private static Pause pause(JsonNode n) {
    return new Pause(
        WireReads.time(n, "pausedAt"), WireReads.text(n, "reason"), WireReads.text(n, "identity"));
  }

  private static String queue(String taskQueue) {
    if (taskQueue == null || taskQueue.isBlank()) {
      throw new IllegalArgumentException("task queue name is required");
    }
    return "/task-queues/" + ApiTransport.segment(taskQueue);
  }

  private static String type(String taskQueue, String activityType) {
    if (activityType == null || activityType.isBlank()) {
      throw new IllegalArgumentException("an activity type is required (not blank)");
    }
    return queue(taskQueue) + "/activity-types/" + ApiTransport.segment(activityType);
  }

  /** The call's context: the queue is the name an unknown-queue refusal falls back on. */
  private static CallContext call(String operation, String taskQueue) {
    return CallContext.named(operation + " a task queue", null, null, taskQueue);
  }
}
