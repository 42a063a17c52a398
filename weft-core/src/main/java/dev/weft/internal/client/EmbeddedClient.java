package dev.weft.internal.client;

import dev.weft.client.AttentionPage;
import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.client.WorkflowPage;
import dev.weft.common.WorkflowStatus;
import dev.weft.history.WorkflowHistory;
import dev.weft.internal.activity.ActivityCompletions;
import dev.weft.internal.stub.TypedClient;
import dev.weft.internal.stub.WorkflowCalls;
import dev.weft.store.FlowControl;
import dev.weft.store.KeyLimit;
import dev.weft.store.RateLimit;
import dev.weft.store.RunRecord;
import dev.weft.store.Write;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The client of an engine in this process: it talks to the store directly. */
public final class EmbeddedClient extends TypedClient {
  static final ExecutorService VIRTUAL_THREADS = Executors.newVirtualThreadPerTaskExecutor();

  private final RunControls controls;
  private final RunReader reader;
  private final RunListing listing;
  private final EmbeddedCalls calls;
  private final Resets resets;
  private final ActivityCompletions completions;
  private final FlowControls flowControls;

  /** How long an update waits for its outcome unless told otherwise. */
  static final Duration UPDATE_TIMEOUT = TypedClient.UPDATE_TIMEOUT;

  public EmbeddedClient(
      Starts starts,
      RunControls controls,
      RunReader reader,
      RunListing listing,
      Queries queries,
      Updates updates,
      UpdatesWithStart updatesWithStart,
      Resets resets,
      ActivityCompletions completions,
      FlowControls flowControls) {
    this.controls = controls;
    this.reader = reader;
    this.listing = listing;
    this.calls =
        new EmbeddedCalls(this, starts, controls, reader, queries, updates, updatesWithStart);
    this.resets = resets;
    this.completions = completions;
    this.flowControls = flowControls;
  }

  @Override
  protected WorkflowCalls calls() {
    return calls;
  }

  RunControls controls() {
    return controls;
  }

  RunReader reader() {
    return reader;
  }

  /**
   * Starts a run with {@code alongWith} in its batch; the run's ID, or empty if one of those
   * writes' conditions did not hold (nothing was written).
   */
  public Optional<String> startWithWrites(
      String workflowType,
      WorkflowOptions options,
      java.util.function.Function<String, List<Write>> alongWith,
      Object[] args) {
    RunRecord run = calls.startsWithWrites(workflowType, options, alongWith, args);
    return run == null ? Optional.empty() : Optional.of(run.runId());
  }

  EmbeddedCalls embeddedCalls() {
    return calls;
  }

  @Override
  public WorkflowHandle<Object> getHandle(String workflowId) {
    reader.resolve(workflowId, null);
    return new RunHandle<>(this, workflowId, null, false, Object.class);
  }

  @Override
  public WorkflowHandle<Object> getHandle(String workflowId, String runId) {
    reader.resolve(workflowId, runId);
    return new RunHandle<>(this, workflowId, runId, true, Object.class);
  }

  @Override
  public WorkflowPage listWorkflows(WorkflowFilter filter) {
    return listing.list(filter);
  }

  @Override
  public AttentionPage listRunsNeedingAttention(int pageSize, String pageToken) {
    return reader.runsNeedingAttention(pageSize, pageToken);
  }

  @Override
  public long countWorkflows(WorkflowFilter filter) {
    return listing.count(filter);
  }

  @Override
  public Map<WorkflowStatus, Long> countWorkflowsByStatus(WorkflowFilter filter) {
    return listing.countByStatus(filter);
  }

  @Override
  public WorkflowHandle<Object> reset(
      String workflowId, String runId, long eventId, String reason) {
    RunRecord run = resets.reset(reader.resolve(workflowId, runId), eventId, reason);
    return new RunHandle<>(this, run.workflowId(), run.runId(), true, Object.class);
  }

  @Override
  public WorkflowHandle<Object> importHistory(WorkflowHistory history) {
    RunRecord run = resets.importHistory(history);
    return new RunHandle<>(this, run.workflowId(), run.runId(), true, Object.class);
  }

  @Override
  public void completeActivity(String taskToken, Object result) {
    completions.complete(taskToken, result);
  }

  @Override
  public void failActivity(String taskToken, Throwable failure) {
    completions.fail(taskToken, failure);
  }

  @Override
  public void heartbeatActivity(String taskToken, Object details) {
    completions.heartbeat(taskToken, details);
  }

  @Override
  public void pauseTaskQueue(String taskQueue, String reason) {
    flowControls.pauseTaskQueue(taskQueue, reason);
  }

  @Override
  public void resumeTaskQueue(String taskQueue) {
    flowControls.resumeTaskQueue(taskQueue);
  }

  @Override
  public void pauseActivityType(String taskQueue, String activityType, String reason) {
    flowControls.pauseActivityType(taskQueue, activityType, reason);
  }

  @Override
  public void resumeActivityType(String taskQueue, String activityType) {
    flowControls.resumeActivityType(taskQueue, activityType);
  }

  @Override
  public void setTaskQueueRateLimit(String taskQueue, RateLimit rate) {
    flowControls.setTaskQueueRateLimit(taskQueue, rate);
  }

  @Override
  public void setFairnessKeyLimit(String taskQueue, String fairnessKey, KeyLimit limit) {
    flowControls.setFairnessKeyLimit(taskQueue, fairnessKey, limit);
  }

  @Override
  public FlowControl flowControl() {
    return flowControls.current();
  }
}
