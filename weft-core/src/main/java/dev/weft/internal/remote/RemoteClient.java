package dev.weft.internal.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.client.AttentionPage;
import dev.weft.client.WeftClientOptions;
import dev.weft.client.WorkflowDescription;
import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowPage;
import dev.weft.common.WorkflowStatus;
import dev.weft.history.WorkflowHistory;
import dev.weft.internal.stub.TypedClient;
import dev.weft.internal.stub.WorkflowCalls;
import dev.weft.store.AttentionQuery;
import dev.weft.store.FlowControl;
import dev.weft.store.KeyLimit;
import dev.weft.store.RateLimit;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The client over HTTP: the routes of one Weft server's namespace. Every method of {@link
 * dev.weft.client.WeftClient} goes through the API (workflows, history import, asynchronous
 * activity completion by token, task queue flow control).
 */
public final class RemoteClient extends TypedClient implements AutoCloseable {
  static final ExecutorService VIRTUAL_THREADS = Executors.newVirtualThreadPerTaskExecutor();
  private static final int HISTORY_PAGE = 1000;

  /** The longest wait the history route takes in one request. */
  private static final Duration MAX_HISTORY_WAIT = Duration.ofSeconds(60);

  private final ApiTransport api;
  private final RemoteCalls calls;
  private final ResultWaits results;
  private final WireValues values;
  private final ActivityReports activities;
  private final RemoteFlowControl flowControl;

  public RemoteClient(String address, String token, WeftClientOptions options) {
    this.api = new ApiTransport(address, token, options);
    this.values = new WireValues(options.dataConverter());
    this.calls = new RemoteCalls(api, values, this);
    this.results = new ResultWaits(api, values);
    this.activities = new ActivityReports(api, values);
    this.flowControl = new RemoteFlowControl(api);
  }

  @Override
  protected WorkflowCalls calls() {
    return calls;
  }

  RemoteCalls remoteCalls() {
    return calls;
  }

  ApiTransport api() {
    return api;
  }

  ResultWaits results() {
    return results;
  }

  WorkflowDescription describe(String workflowId, String runId) {
    JsonNode doc =
        api.get(
                RemoteCalls.workflowPath(workflowId),
                RemoteCalls.run(runId),
                Duration.ZERO,
                CallContext.of("describe", workflowId, runId))
            .body();
    return WireReads.description(doc, values);
  }

  String currentRunId(String workflowId) {
    return describe(workflowId, null).runId();
  }

  WorkflowHistory history(String workflowId, String runId) {
    return history(workflowId, runId, new LinkedHashMap<>(), Integer.MAX_VALUE, Duration.ZERO);
  }

  /**
   * The events after {@code afterEventId}, through the route's long poll ({@code waitNewEvent}),
   * asked again while a wait longer than the route's limit has time left and the route waited out
   * its whole wait (an empty answer sooner means the run is closed).
   */
  WorkflowHistory historyAfter(
      String workflowId, String runId, long afterEventId, int maxEvents, Duration waitNewEvent) {
    long deadline = System.nanoTime() + waitNewEvent.toNanos();
    while (true) {
      Duration wait = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
      if (wait.compareTo(MAX_HISTORY_WAIT) > 0) {
        wait = MAX_HISTORY_WAIT;
      }
      Map<String, String> first = new LinkedHashMap<>();
      first.put("afterEventId", Long.toString(afterEventId));
      if (!wait.isZero()) {
        first.put("waitNewEvent", "true");
        first.put("wait", wait.toString());
      }
      long asked = System.nanoTime();
      WorkflowHistory page = history(workflowId, runId, first, maxEvents, wait);
      boolean waitedOut = System.nanoTime() - asked >= wait.toNanos();
      if (!page.events().isEmpty() || !waitedOut || System.nanoTime() >= deadline) {
        return page;
      }
      runId = page.runId();
    }
  }

  private WorkflowHistory history(
      String workflowId, String runId, Map<String, String> first, int maxEvents, Duration wait) {
    ArrayNode events = ApiTransport.JSON.createArrayNode();
    String pinned = runId;
    String token = null;
    Map<String, String> extra = first;
    Duration pageWait = wait;
    do {
      Map<String, String> query = RemoteCalls.run(pinned);
      query.put("pageSize", Integer.toString(Math.min(HISTORY_PAGE, maxEvents - events.size())));
      query.put("nextPageToken", token);
      query.putAll(extra);
      JsonNode page =
          api.get(
                  RemoteCalls.workflowPath(workflowId) + "/history",
                  query,
                  pageWait,
                  CallContext.of("fetch the history of", workflowId, pinned))
              .body();
      pinned = page.path("runId").asText();
      page.path("events").forEach(events::add);
      token = Problems.text(page, "nextPageToken");
      extra = Map.of();
      pageWait = Duration.ZERO;
    } while (token != null && events.size() < maxEvents);
    return WorkflowHistory.fromJson(WireReads.history(workflowId, pinned, events).toString());
  }

  @Override
  public WorkflowHandle<Object> getHandle(String workflowId) {
    describe(workflowId, null);
    return new RemoteHandle<>(this, workflowId, null, false, Object.class);
  }

  @Override
  public WorkflowHandle<Object> getHandle(String workflowId, String runId) {
    describe(workflowId, runId);
    return new RemoteHandle<>(this, workflowId, runId, true, Object.class);
  }

  @Override
  public WorkflowPage listWorkflows(WorkflowFilter filter) {
    String queryText = ListQueries.of(filter);
    Map<String, String> query = new HashMap<>();
    query.put("query", queryText);
    query.put("pageSize", Integer.toString(filter.pageSize()));
    query.put("nextPageToken", filter.pageToken());
    JsonNode page =
        api.get(
                "/workflows",
                query,
                Duration.ZERO,
                CallContext.named("list workflows", null, null, queryText))
            .body();
    return WireReads.page(page);
  }

  @Override
  public AttentionPage listRunsNeedingAttention(int pageSize, String pageToken) {
    if (pageSize < 1 || pageSize > AttentionQuery.MAX_PAGE_SIZE) {
      throw new IllegalArgumentException(
          "pageSize must be 1 to " + AttentionQuery.MAX_PAGE_SIZE + ", was " + pageSize);
    }
    Map<String, String> query = new HashMap<>();
    query.put("pageSize", Integer.toString(pageSize));
    query.put("nextPageToken", pageToken);
    JsonNode page =
        api.get(
                "/attention",
                query,
                Duration.ZERO,
                CallContext.named("list runs needing attention", null, null, null))
            .body();
    return WireReads.attentionPage(page);
  }

  @Override
  public long countWorkflows(WorkflowFilter filter) {
    String queryText = ListQueries.of(filter);
    Map<String, String> query = new HashMap<>();
    query.put("query", queryText);
    JsonNode count =
        api.get(
                "/workflow-count",
                query,
                Duration.ZERO,
                CallContext.named("count workflows", null, null, queryText))
            .body();
    return count.path("count").asLong();
  }

  @Override
  public Map<WorkflowStatus, Long> countWorkflowsByStatus(WorkflowFilter filter) {
    String queryText = ListQueries.of(filter);
    Map<String, String> query = new HashMap<>();
    query.put("query", queryText);
    query.put("groupBy", "ExecutionStatus");
    JsonNode count =
        api.get(
                "/workflow-count",
                query,
                Duration.ZERO,
                CallContext.named("count workflows", null, null, queryText))
            .body();
    Map<WorkflowStatus, Long> counts = new EnumMap<>(WorkflowStatus.class);
    for (JsonNode g : count.path("groups")) {
      counts.put(WorkflowStatus.valueOf(g.path("value").asText()), g.path("count").asLong());
    }
    return counts;
  }

  @Override
  public WorkflowHandle<Object> reset(
      String workflowId, String runId, long eventId, String reason) {
    ObjectNode body = ApiTransport.JSON.createObjectNode();
    body.put("eventId", eventId);
    if (reason != null) {
      body.put("reason", reason);
    }
    JsonNode run =
        api.post(
                RemoteCalls.workflowPath(workflowId) + "/reset",
                RemoteCalls.run(runId),
                body,
                Duration.ZERO,
                CallContext.of("reset", workflowId, runId))
            .body();
    return new RemoteHandle<>(
        this, run.path("workflowId").asText(), run.path("runId").asText(), true, Object.class);
  }

  @Override
  public WorkflowHandle<Object> importHistory(WorkflowHistory history) {
    JsonNode body;
    try {
      body = ApiTransport.JSON.readTree(history.toJson());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    JsonNode run =
        api.post(
                "/workflow-imports",
                null,
                (ObjectNode) body,
                Duration.ZERO,
                CallContext.of("import", history.workflowId(), history.runId()))
            .body();
    return new RemoteHandle<>(
        this, run.path("workflowId").asText(), run.path("runId").asText(), true, Object.class);
  }

  @Override
  public void completeActivity(String taskToken, Object result) {
    activities.complete(taskToken, result);
  }

  @Override
  public void failActivity(String taskToken, Throwable failure) {
    activities.fail(taskToken, failure);
  }

  @Override
  public void heartbeatActivity(String taskToken, Object details) {
    activities.heartbeat(taskToken, details);
  }

  @Override
  public void pauseTaskQueue(String taskQueue, String reason) {
    flowControl.pauseTaskQueue(taskQueue, reason);
  }

  @Override
  public void resumeTaskQueue(String taskQueue) {
    flowControl.resumeTaskQueue(taskQueue);
  }

  @Override
  public void pauseActivityType(String taskQueue, String activityType, String reason) {
    flowControl.pauseActivityType(taskQueue, activityType, reason);
  }

  @Override
  public void resumeActivityType(String taskQueue, String activityType) {
    flowControl.resumeActivityType(taskQueue, activityType);
  }

  @Override
  public void setTaskQueueRateLimit(String taskQueue, RateLimit rate) {
    flowControl.setTaskQueueRateLimit(taskQueue, rate);
  }

  @Override
  public void setFairnessKeyLimit(String taskQueue, String fairnessKey, KeyLimit limit) {
    flowControl.setFairnessKeyLimit(taskQueue, fairnessKey, limit);
  }

  @Override
  public FlowControl flowControl() {
    return flowControl.flowControl();
  }

  /** Closes the HTTP client this client made (not one passed in the options). */
  @Override
  public void close() {
    api.close();
  }

  @Override
  public String toString() {
    return "WeftClient[" + api.address() + "]";
  }
}
