package dev.weft.internal.client;

import dev.weft.client.WeftClient;
import dev.weft.client.WithStartWorkflowOperation;
import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.client.WorkflowPage;
import dev.weft.history.WorkflowHistory;
import dev.weft.internal.activity.ActivityCompletions;
import dev.weft.internal.definition.WorkflowDefinition;
import dev.weft.store.FlowControl;
import dev.weft.store.KeyLimit;
import dev.weft.store.RateLimit;
import dev.weft.store.RunRecord;
import dev.weft.workflow.Functions;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** The client of an engine in this process: it talks to the store directly. */
public final class EmbeddedClient implements WeftClient {
  static final ExecutorService VIRTUAL_THREADS = Executors.newVirtualThreadPerTaskExecutor();

  private final Starts starts;
  private final RunControls controls;
  private final RunReader reader;
  private final RunListing listing;
  private final Queries queries;
  private final Updates updates;
  private final UpdatesWithStart updatesWithStart;
  private final Resets resets;
  private final ActivityCompletions completions;
  private final FlowControls flowControls;

  /** How long an update waits for its outcome unless told otherwise. */
  static final Duration UPDATE_TIMEOUT = Duration.ofMinutes(1);

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
    this.starts = starts;
    this.controls = controls;
    this.reader = reader;
    this.listing = listing;
    this.queries = queries;
    this.updates = updates;
    this.updatesWithStart = updatesWithStart;
    this.resets = resets;
    this.completions = completions;
    this.flowControls = flowControls;
  }

  Starts starts() {
    return starts;
  }

  RunControls controls() {
    return controls;
  }

  RunReader reader() {
    return reader;
  }

  /** A handle created by a start: it follows the workflow ID from the run that was started. */
  <R> RunHandle<R> handle(RunRecord run, Type resultType) {
    return new RunHandle<>(this, run.workflowId(), run.runId(), false, resultType);
  }

  Object query(RunRecord run, String queryName, Type resultType, Object[] args) {
    return queries.query(run, queryName, resultType, args);
  }

  Object update(
      RunRecord run, String updateName, Type resultType, Object[] args, Duration timeout) {
    try {
      return updates.update(run, updateName, resultType, args, timeout);
    } catch (TimeoutException e) {
      throw new CompletionException(e);
    }
  }

  Object updateWithStart(
      String workflowType,
      WorkflowOptions options,
      Object[] args,
      String updateName,
      Object[] updateArgs,
      Type resultType,
      Consumer<RunRecord> onRun) {
    try {
      return updatesWithStart.execute(
          workflowType, options, args, updateName, updateArgs, resultType, UPDATE_TIMEOUT, onRun);
    } catch (TimeoutException e) {
      throw new CompletionException(e);
    }
  }

  @Override
  public <U> U executeUpdateWithStart(
      Functions.Func<U> update, WithStartWorkflowOperation<?> start) {
    return WorkflowStubs.updateWithStartCaptured(this, update, start);
  }

  @Override
  public <U> U executeUpdateWithStart(
      String workflowType,
      WorkflowOptions options,
      Object[] workflowArgs,
      String updateName,
      Class<U> resultType,
      Object... updateArgs) {
    return resultType.cast(
        updateWithStart(
            workflowType,
            options,
            workflowArgs == null ? new Object[0] : workflowArgs,
            updateName,
            updateArgs == null ? new Object[0] : updateArgs,
            resultType,
            run -> {}));
  }

  @Override
  public <W> W newWorkflowStub(Class<W> workflowInterface, WorkflowOptions options) {
    WorkflowDefinition definition = WorkflowDefinition.of(workflowInterface);
    return WorkflowStubs.newStub(
        this, workflowInterface, new WorkflowStubs.Target(definition, options, null, null));
  }

  @Override
  public <W> W newWorkflowStub(Class<W> workflowInterface, String workflowId) {
    WorkflowDefinition definition = WorkflowDefinition.of(workflowInterface);
    return WorkflowStubs.newStub(
        this, workflowInterface, new WorkflowStubs.Target(definition, null, workflowId, null));
  }

  @Override
  public <W> W newWorkflowStub(
      Class<W> workflowInterface, String workflowId, Optional<String> runId) {
    WorkflowDefinition definition = WorkflowDefinition.of(workflowInterface);
    if (runId.isPresent()) {
      reader.resolve(workflowId, runId.get());
    }
    return WorkflowStubs.newStub(
        this,
        workflowInterface,
        new WorkflowStubs.Target(definition, null, workflowId, runId.orElse(null)));
  }

  @Override
  public WorkflowHandle<Object> start(
      String workflowType, WorkflowOptions options, Object... args) {
    RunRecord run = starts.start(workflowType, options, args == null ? new Object[0] : args);
    return handle(run, Object.class);
  }

  @Override
  public <R> WorkflowHandle<R> start(Functions.Func<R> workflow) {
    return WorkflowStubs.startCaptured(this, workflow::apply);
  }

  @Override
  public <A1, R> WorkflowHandle<R> start(Functions.Func1<A1, R> workflow, A1 arg1) {
    return WorkflowStubs.startCaptured(this, () -> workflow.apply(arg1));
  }

  @Override
  public <A1, A2, R> WorkflowHandle<R> start(
      Functions.Func2<A1, A2, R> workflow, A1 arg1, A2 arg2) {
    return WorkflowStubs.startCaptured(this, () -> workflow.apply(arg1, arg2));
  }

  @Override
  public <A1, A2, A3, R> WorkflowHandle<R> start(
      Functions.Func3<A1, A2, A3, R> workflow, A1 arg1, A2 arg2, A3 arg3) {
    return WorkflowStubs.startCaptured(this, () -> workflow.apply(arg1, arg2, arg3));
  }

  @Override
  public WorkflowHandle<Void> start(Functions.Proc workflow) {
    return WorkflowStubs.startCaptured(this, workflow::apply);
  }

  @Override
  public <A1> WorkflowHandle<Void> start(Functions.Proc1<A1> workflow, A1 arg1) {
    return WorkflowStubs.startCaptured(this, () -> workflow.apply(arg1));
  }

  @Override
  public <A1, A2> WorkflowHandle<Void> start(Functions.Proc2<A1, A2> workflow, A1 arg1, A2 arg2) {
    return WorkflowStubs.startCaptured(this, () -> workflow.apply(arg1, arg2));
  }

  @Override
  public <A1, A2, A3> WorkflowHandle<Void> start(
      Functions.Proc3<A1, A2, A3> workflow, A1 arg1, A2 arg2, A3 arg3) {
    return WorkflowStubs.startCaptured(this, () -> workflow.apply(arg1, arg2, arg3));
  }

  @Override
  public WorkflowHandle<Object> signalWithStart(
      String workflowType,
      WorkflowOptions options,
      Object[] workflowArgs,
      String signalName,
      Object... signalArgs) {
    RunRecord run =
        starts.signalWithStart(
            workflowType,
            options,
            workflowArgs == null ? new Object[0] : workflowArgs,
            signalName,
            signalArgs == null ? new Object[0] : signalArgs);
    return handle(run, Object.class);
  }

  @Override
  public <R> WorkflowHandle<R> signalWithStart(Functions.Func<R> start, Functions.Proc signal) {
    return WorkflowStubs.signalWithStartCaptured(this, start::apply, signal);
  }

  @Override
  public WorkflowHandle<Void> signalWithStart(Functions.Proc start, Functions.Proc signal) {
    return WorkflowStubs.signalWithStartCaptured(this, start, signal);
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
  public long countWorkflows(WorkflowFilter filter) {
    return listing.count(filter);
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
