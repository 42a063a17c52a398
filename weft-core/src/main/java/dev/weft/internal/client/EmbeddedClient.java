package dev.weft.internal.client;

import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.client.WorkflowPage;
import dev.weft.client.WorkflowSummary;
import dev.weft.converter.Payload;
import dev.weft.failure.InvalidQueryException;
import dev.weft.history.WorkflowHistory;
import dev.weft.internal.activity.ActivityCompletions;
import dev.weft.internal.definition.WorkflowDefinition;
import dev.weft.internal.engine.EngineContext;
import dev.weft.store.FilterSyntaxException;
import dev.weft.store.FlowControl;
import dev.weft.store.FlowControlChange;
import dev.weft.store.KeyLimit;
import dev.weft.store.Pause;
import dev.weft.store.RateLimit;
import dev.weft.store.RunFilterParser;
import dev.weft.store.RunPage;
import dev.weft.store.RunQuery;
import dev.weft.store.RunRecord;
import dev.weft.store.RunStatus;
import dev.weft.workflow.Functions;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

/** The client of an engine in this process: it talks to the store directly. */
public final class EmbeddedClient implements WeftClient {
  static final ExecutorService VIRTUAL_THREADS = Executors.newVirtualThreadPerTaskExecutor();

  private final EngineContext ctx;
  private final RunOperations operations;
  private final RunReader reader;
  private final Queries queries;
  private final ActivityCompletions completions;
  private final Updates updates;
  private final Resets resets;

  /** How long an update waits for its outcome unless told otherwise. */
  static final Duration UPDATE_TIMEOUT = Duration.ofMinutes(1);

  public EmbeddedClient(EngineContext ctx) {
    this.ctx = ctx;
    this.operations = new RunOperations(ctx);
    this.reader = new RunReader(ctx);
    this.queries = new Queries(ctx);
    this.completions = new ActivityCompletions(ctx);
    this.updates = new Updates(ctx);
    this.resets = new Resets(ctx);
  }

  RunOperations operations() {
    return operations;
  }

  RunReader reader() {
    return reader;
  }

  <R> RunHandle<R> handle(RunRecord run, Type resultType) {
    return new RunHandle<>(this, run.workflowId(), run.runId(), resultType);
  }

  Object query(RunRecord run, String queryName, Type resultType, Object[] args) {
    Payload input = ctx.payloads().encodeArguments(args, "input of query '" + queryName + "'");
    Payload result = queries.query(run, queryName, input);
    return ctx.payloads().decode(result, resultType);
  }

  Object update(
      RunRecord run, String updateName, Type resultType, Object[] args, Duration timeout) {
    try {
      return updates.update(run, updateName, resultType, args, timeout);
    } catch (TimeoutException e) {
      throw new CompletionException(e);
    }
  }

  @Override
  public <W> W newWorkflowStub(Class<W> workflowInterface, WorkflowOptions options) {
    WorkflowDefinition definition = WorkflowDefinition.of(workflowInterface);
    return WorkflowStubs.newStub(
        this, workflowInterface, new WorkflowStubs.Target(definition, options, null));
  }

  @Override
  public <W> W newWorkflowStub(Class<W> workflowInterface, String workflowId) {
    WorkflowDefinition definition = WorkflowDefinition.of(workflowInterface);
    return WorkflowStubs.newStub(
        this, workflowInterface, new WorkflowStubs.Target(definition, null, workflowId));
  }

  @Override
  public WorkflowHandle<Object> start(
      String workflowType, WorkflowOptions options, Object... args) {
    RunRecord run = operations.start(workflowType, options, args == null ? new Object[0] : args);
    return handle(run, Object.class);
  }

  private <R> WorkflowHandle<R> startCaptured(Runnable invocation) {
    WorkflowStubs.Captured call = WorkflowStubs.capture(invocation);
    WorkflowStubs.Target target = call.target();
    if (target.options == null) {
      throw new IllegalArgumentException(
          "client.start needs a stub made with WorkflowOptions; this stub is bound to workflow '"
              + target.workflowId
              + "'");
    }
    RunRecord run = target.start(this, call.args());
    return handle(run, call.method().getGenericReturnType());
  }

  @Override
  public <R> WorkflowHandle<R> start(Functions.Func<R> workflow) {
    return startCaptured(workflow::apply);
  }

  @Override
  public <A1, R> WorkflowHandle<R> start(Functions.Func1<A1, R> workflow, A1 arg1) {
    return startCaptured(() -> workflow.apply(arg1));
  }

  @Override
  public <A1, A2, R> WorkflowHandle<R> start(
      Functions.Func2<A1, A2, R> workflow, A1 arg1, A2 arg2) {
    return startCaptured(() -> workflow.apply(arg1, arg2));
  }

  @Override
  public <A1, A2, A3, R> WorkflowHandle<R> start(
      Functions.Func3<A1, A2, A3, R> workflow, A1 arg1, A2 arg2, A3 arg3) {
    return startCaptured(() -> workflow.apply(arg1, arg2, arg3));
  }

  @Override
  public WorkflowHandle<Void> start(Functions.Proc workflow) {
    return startCaptured(workflow::apply);
  }

  @Override
  public <A1> WorkflowHandle<Void> start(Functions.Proc1<A1> workflow, A1 arg1) {
    return startCaptured(() -> workflow.apply(arg1));
  }

  @Override
  public <A1, A2> WorkflowHandle<Void> start(Functions.Proc2<A1, A2> workflow, A1 arg1, A2 arg2) {
    return startCaptured(() -> workflow.apply(arg1, arg2));
  }

  @Override
  public <A1, A2, A3> WorkflowHandle<Void> start(
      Functions.Proc3<A1, A2, A3> workflow, A1 arg1, A2 arg2, A3 arg3) {
    return startCaptured(() -> workflow.apply(arg1, arg2, arg3));
  }

  @Override
  public WorkflowHandle<Object> signalWithStart(
      String workflowType,
      WorkflowOptions options,
      Object[] workflowArgs,
      String signalName,
      Object... signalArgs) {
    RunRecord run =
        operations.signalWithStart(
            workflowType,
            options,
            workflowArgs == null ? new Object[0] : workflowArgs,
            signalName,
            signalArgs == null ? new Object[0] : signalArgs);
    return handle(run, Object.class);
  }

  @Override
  public <R> WorkflowHandle<R> signalWithStart(Functions.Func<R> start, Functions.Proc signal) {
    return signalWithStartCaptured(start::apply, signal);
  }

  @Override
  public WorkflowHandle<Void> signalWithStart(Functions.Proc start, Functions.Proc signal) {
    return signalWithStartCaptured(start, signal);
  }

  private <R> WorkflowHandle<R> signalWithStartCaptured(
      Functions.Proc start, Functions.Proc signal) {
    WorkflowStubs.Captured startCall = WorkflowStubs.capture(start::apply);
    WorkflowStubs.Captured signalCall = WorkflowStubs.capture(signal::apply);
    WorkflowStubs.Target target = startCall.target();
    if (target.options == null || signalCall.target() != target) {
      throw new IllegalArgumentException(
          "signalWithStart needs two calls on the same stub made with WorkflowOptions: its"
              + " workflow method, then one of its signal methods");
    }
    if (!startCall.method().equals(target.definition.workflowMethod())) {
      throw new IllegalArgumentException(
          "the first call of signalWithStart must be the workflow method, not "
              + startCall.method().getName());
    }
    String signalName = signalNameOf(target.definition, signalCall.method());
    RunRecord run =
        operations.signalWithStart(
            target.definition.type(),
            target.options,
            startCall.args(),
            signalName,
            signalCall.args());
    target.started = run;
    return handle(run, startCall.method().getGenericReturnType());
  }

  private static String signalNameOf(WorkflowDefinition definition, java.lang.reflect.Method m) {
    return definition.signals().entrySet().stream()
        .filter(e -> e.getValue().equals(m))
        .map(java.util.Map.Entry::getKey)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "the second call of signalWithStart must be a signal method, not "
                        + m.getName()));
  }

  @Override
  public WorkflowHandle<Object> getHandle(String workflowId) {
    operations.resolve(workflowId, null);
    return new RunHandle<>(this, workflowId, null, Object.class);
  }

  @Override
  public WorkflowHandle<Object> getHandle(String workflowId, String runId) {
    operations.resolve(workflowId, runId);
    return new RunHandle<>(this, workflowId, runId, Object.class);
  }

  @Override
  public WorkflowPage listWorkflows(WorkflowFilter filter) {
    RunPage page = ctx.store().listRuns(query(filter));
    List<WorkflowSummary> summaries =
        page.runs().stream()
            .map(
                r ->
                    new WorkflowSummary(
                        r.workflowId(),
                        r.runId(),
                        r.workflowType(),
                        r.taskQueue(),
                        RunReader.status(r),
                        r.startTime(),
                        r.closeTime(),
                        page.pauseOf(r.runId()).orElse(null)))
            .toList();
    return new WorkflowPage(summaries, page.nextPageToken());
  }

  @Override
  public long countWorkflows(WorkflowFilter filter) {
    return ctx.store().countRuns(query(filter));
  }

  @Override
  public WorkflowHandle<Object> reset(
      String workflowId, String runId, long eventId, String reason) {
    RunRecord run = resets.reset(operations.resolve(workflowId, runId), eventId, reason);
    return new RunHandle<>(this, run.workflowId(), run.runId(), Object.class);
  }

  @Override
  public WorkflowHandle<Object> importHistory(WorkflowHistory history) {
    RunRecord run = resets.importHistory(history);
    return new RunHandle<>(this, run.workflowId(), run.runId(), Object.class);
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

  private RunQuery query(WorkflowFilter f) {
    RunQuery query =
        new RunQuery(
            ctx.namespace(),
            f.status() == null ? null : RunStatus.valueOf(f.status().name()),
            f.workflowType(),
            f.workflowId(),
            f.pageSize(),
            f.pageToken());
    if (f.query() == null || f.query().isBlank()) {
      return query;
    }
    try {
      return query.withFilter(
          RunFilterParser.parse(f.query(), ctx.searchAttributes().storeTypes()));
    } catch (FilterSyntaxException e) {
      throw new InvalidQueryException(f.query(), e.getMessage(), e.position());
    }
  }

  @Override
  public void pauseTaskQueue(String taskQueue, String reason) {
    ctx.flowControl()
        .change(
            new FlowControlChange.PauseQueue(
                taskQueue, new Pause(ctx.clock().now(), reason, ctx.nodeId())));
  }

  @Override
  public void resumeTaskQueue(String taskQueue) {
    ctx.flowControl().change(new FlowControlChange.ResumeQueue(taskQueue));
  }

  @Override
  public void pauseActivityType(String taskQueue, String activityType, String reason) {
    ctx.flowControl()
        .change(
            new FlowControlChange.PauseActivityType(
                taskQueue, activityType, new Pause(ctx.clock().now(), reason, ctx.nodeId())));
  }

  @Override
  public void resumeActivityType(String taskQueue, String activityType) {
    ctx.flowControl().change(new FlowControlChange.ResumeActivityType(taskQueue, activityType));
  }

  @Override
  public void setTaskQueueRateLimit(String taskQueue, RateLimit rate) {
    ctx.flowControl().change(new FlowControlChange.SetQueueRate(taskQueue, rate));
  }

  @Override
  public void setFairnessKeyLimit(String taskQueue, String fairnessKey, KeyLimit limit) {
    ctx.flowControl().change(new FlowControlChange.SetKeyLimit(taskQueue, fairnessKey, limit));
  }

  @Override
  public FlowControl flowControl() {
    return ctx.store().flowControl();
  }
}
