package dev.weft.internal.runtime;

import dev.weft.activity.ActivityOptions;
import dev.weft.activity.LocalActivityOptions;
import dev.weft.common.RetryPolicy;
import dev.weft.converter.Payload;
import dev.weft.failure.CanceledFailure;
import dev.weft.failure.QueryFailedException;
import dev.weft.failure.UnknownQueryException;
import dev.weft.failure.UnsupportedVersionException;
import dev.weft.failure.WeftFailure;
import dev.weft.history.EventAttributes;
import dev.weft.history.EventAttributes.ActivityCompleted;
import dev.weft.history.EventAttributes.ActivityFailed;
import dev.weft.history.EventAttributes.ActivityTimedOut;
import dev.weft.history.EventAttributes.LocalActivityRecorded;
import dev.weft.history.EventAttributes.MarkerRecorded;
import dev.weft.history.EventAttributes.SignalReceived;
import dev.weft.history.EventAttributes.TimerFired;
import dev.weft.history.EventAttributes.WorkflowCancelRequested;
import dev.weft.history.EventAttributes.WorkflowStarted;
import dev.weft.history.Failure;
import dev.weft.history.HistoryEvent;
import dev.weft.history.IndexedValue;
import dev.weft.internal.codec.FailureConverter;
import dev.weft.internal.codec.PayloadConverter;
import dev.weft.internal.definition.WorkflowDefinition;
import dev.weft.workflow.ChildWorkflowOptions;
import dev.weft.workflow.Promise;
import dev.weft.workflow.WorkflowInfo;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory state of one run: its workflow object, coroutines and pending commands. Runs
 * workflow tasks: applies the task's inbound events, runs the code until every coroutine is
 * blocked, and returns the command events the code produced. The same method replays a recorded
 * task, checking that the code asks for the recorded commands.
 *
 * <p>Not thread-safe: one workflow task (or query) at a time, which the worker's cache guarantees.
 */
public final class WorkflowRunner {
  private static final Logger log = LoggerFactory.getLogger(WorkflowRunner.class);

  /**
   * What a runner needs from its engine.
   *
   * @param payloads converts values
   * @param activityCheck refuses activity types no local worker of a queue knows
   * @param deadlockTimeout how long a coroutine may run without yielding
   * @param localActivities runs local activities
   * @param localActivityBudget how long one workflow task may spend running local activities (less
   *     than its lease, so that the task completes while it holds the run)
   * @param searchAttributes checks the search attributes the code upserts
   */
  public record Services(
      PayloadConverter payloads,
      ActivityTypeCheck activityCheck,
      Duration deadlockTimeout,
      LocalActivityExecutor localActivities,
      Duration localActivityBudget,
      SearchAttributeIndexer searchAttributes) {

    /** The services of a runner that only replays recorded history. */
    public static Services replayOnly(PayloadConverter payloads) {
      return new Services(
          payloads,
          ActivityTypeCheck.NONE,
          Duration.ofSeconds(10),
          LocalActivityExecutor.REPLAY_ONLY,
          Duration.ofSeconds(5),
          SearchAttributeIndexer.BY_JAVA_TYPE);
    }
  }

  private final WorkflowInfo info;
  private final WorkflowDefinition definition;
  private final Supplier<?> factory;
  private final PayloadConverter payloads;
  private final ActivityTypeCheck activityCheck;
  private final SearchAttributeIndexer searchAttributeIndexer;
  private final Map<String, IndexedValue> searchAttributes = new TreeMap<>();
  private final CoroutineScheduler scheduler;
  private final ScopeNode rootScope = new ScopeNode(null, true, () -> {});
  private final Map<Long, PendingCall> pending = new HashMap<>();
  private final Map<String, Integer> versions = new HashMap<>();
  private final LocalActivityExecutor localExecutor;
  private final Duration localActivityBudget;

  /** Local activities whose outcome is not recorded yet (running, or on replay, not reached). */
  private final TreeMap<Long, LocalActivityCall> localRunning = new TreeMap<>();

  /** Local retries start only if at least this much of the task's time is left after backoff. */
  private static final Duration MIN_LOCAL_ATTEMPT = Duration.ofMillis(100);

  /** The version {@code getVersion} returns for code that ran before the change was made. */
  public static final int DEFAULT_VERSION = -1;

  private final Random random;
  private long nextSeq = 1;
  private Instant now;
  private Object instance;
  private WorkflowStarted started;
  private List<EventAttributes> produced = new ArrayList<>();
  private ReplayCursor replay;
  private Throwable abort;
  private boolean closing;
  private long nextEventId = 1;
  private long historyBytes;
  private final Map<String, Failure> rejectedUpdates = new HashMap<>();
  private Instant localDeadline;

  /**
   * Creates the state of a run before any event is applied.
   *
   * @param info the run's identity
   * @param definition the workflow interface
   * @param factory creates the workflow object
   * @param services what the runner needs from its engine
   */
  public WorkflowRunner(
      WorkflowInfo info, WorkflowDefinition definition, Supplier<?> factory, Services services) {
    this.info = info;
    this.localExecutor = services.localActivities();
    this.localActivityBudget = services.localActivityBudget();
    this.definition = definition;
    this.factory = factory;
    this.payloads = services.payloads();
    this.activityCheck = services.activityCheck();
    this.searchAttributeIndexer = services.searchAttributes();
    this.scheduler = new CoroutineScheduler(this, services.deadlockTimeout());
    this.random = new Random(seed(info.runId()));
  }

  // ---------------------------------------------------------------- task lifecycle

  /**
   * Runs one workflow task.
   *
   * @param inbound the events to apply before the code runs, in history order
   * @param taskTime what the code sees as {@code Workflow.now()}
   * @param recordedCommands for a replayed task, the command events it produced; {@code null} for a
   *     live task
   * @return the command events the code produced
   * @throws WorkflowTaskFailedException if the code failed the task (non-determinism, deadlock, an
   *     exception that is not a workflow failure)
   */
  public List<EventAttributes> runTask(
      List<EventAttributes> inbound, Instant taskTime, ReplayedTask recordedCommands) {
    now = taskTime;
    produced = new ArrayList<>();
    rejectedUpdates.clear();
    replay =
        recordedCommands == null
            ? null
            : new ReplayCursor(
                info.runId(), recordedCommands.boundaryEventId(), recordedCommands.commands());
    localDeadline = replay == null ? localExecutor.now().plus(localActivityBudget) : null;
    WorkflowThreadContext.enter(this, null, false);
    try {
      for (EventAttributes event : inbound) {
        apply(event);
      }
      if (abort == null) {
        scheduler.runUntilBlocked(() -> abort != null || closing);
      }
      while (abort == null && !closing && !localRunning.isEmpty()) {
        boolean progressed =
            replay != null ? replayNextLocalActivity() : completeNextLocalActivity();
        if (!progressed) {
          break;
        }
        scheduler.runUntilBlocked(() -> abort != null || closing);
      }
      if (abort == null && replay != null) {
        replay.finish();
      }
    } catch (DestroyWorkflowThreadError e) {
      // abort holds the reason
    } catch (RuntimeException e) {
      abortTask(e);
    } finally {
      WorkflowThreadContext.exit();
      replay = null;
      if (abort != null || closing) {
        stopLocalActivities();
      }
    }
    if (abort != null) {
      throw new WorkflowTaskFailedException(info.runId(), abort);
    }
    return produced;
  }

  /** The recorded command events of a task being replayed, after its boundary event. */
  public record ReplayedTask(long boundaryEventId, List<HistoryEvent> commands) {}

  /** Records why the current task cannot complete; the scheduler stops at the next yield. */
  void abortTask(Throwable reason) {
    if (abort == null) {
      abort = reason;
    }
  }

  /**
   * Returns whether this state waits for the command an event answers (an activity's outcome, a
   * timer's firing), or the event answers none. False means the state has not seen the command: it
   * is behind the history (another node moved the run on), or the command ended already.
   */
  public boolean awaits(EventAttributes event) {
    return !(event instanceof EventAttributes.Sequenced s) || pending.containsKey(s.seq());
  }

  /** Returns whether the code produced a command that closes the run. */
  public boolean isClosing() {
    return closing;
  }

  /** Returns the history position this state has seen: the ID of the next event. */
  public long nextEventId() {
    return nextEventId;
  }

  /** Records the history position this state has seen. */
  public void setNextEventId(long nextEventId) {
    this.nextEventId = nextEventId;
  }

  /** Returns the size in bytes of the history this state has seen. */
  public long historyBytes() {
    return historyBytes;
  }

  /** Records the size in bytes of the history this state has seen. */
  public void setHistoryBytes(long historyBytes) {
    this.historyBytes = historyBytes;
  }

  /** Returns the run's identity. */
  public WorkflowInfo info() {
    return info;
  }

  /** Returns how the run started, once its start event was applied. */
  public WorkflowStarted started() {
    return started;
  }

  /** Unwinds every coroutine; the runner is unusable afterwards. */
  public void destroy() {
    stopLocalActivities();
    scheduler.destroy();
  }

  private void stopLocalActivities() {
    for (LocalActivityCall call : localRunning.values()) {
      if (call.running != null) {
        call.running.cancel();
        call.running = null;
      }
    }
  }

  // ---------------------------------------------------------------- inbound events

  private void apply(EventAttributes event) {
    switch (event) {
      case WorkflowStarted s -> start(s);
      case ActivityCompleted c -> resolve(c.seq(), c);
      case ActivityFailed f -> resolve(f.seq(), f);
      case ActivityTimedOut t -> resolve(t.seq(), t);
      case TimerFired t -> resolve(t.seq(), t);
      case EventAttributes.ChildWorkflowStartFailed f -> resolve(f.seq(), f);
      case EventAttributes.ChildWorkflowClosed c -> resolve(c.seq(), c);
      case SignalReceived s -> signal(s);
      case EventAttributes.UpdateRequested r -> requestUpdate(r);
      case EventAttributes.UpdateAccepted a -> runUpdate(a.updateId(), a.updateName(), a.input());
      case WorkflowCancelRequested r ->
          rootScope.cancelInternal(r.reason() == null ? "workflow cancelled" : r.reason());
      default -> {
        // task boundaries and terminal events carry nothing for the code
      }
    }
  }

  private void start(WorkflowStarted started) {
    this.started = started;
    searchAttributes.putAll(started.searchAttributes());
    Method method = definition.workflowMethod();
    Object[] args = payloads.decodeArguments(started.input(), method.getGenericParameterTypes());
    instance = factory.get();
    scheduler.spawn("main", rootScope, () -> runMain(method, args));
  }

  private void runMain(Method method, Object[] args) {
    Object result;
    try {
      result = method.invoke(instance, args);
    } catch (InvocationTargetException e) {
      finishWithFailure(e.getCause());
      return;
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot call " + method, e);
    }
    command(
        new EventAttributes.WorkflowCompleted(
            payloads.encode(result, "result of workflow '" + info.workflowType() + "'")));
  }

  private void finishWithFailure(Throwable t) {
    if (t instanceof DestroyWorkflowThreadError d) {
      throw d;
    }
    if (t instanceof ContinueAsNewRequest request) {
      continuedAsNew(request);
      return;
    }
    if (rootScope.isCancelRequested() && causedByCancellation(t)) {
      command(new EventAttributes.WorkflowCanceled(t.getMessage()));
    } else if (t instanceof WeftFailure) {
      command(new EventAttributes.WorkflowFailed(FailureConverter.toFailure(t)));
    } else {
      abortTask(t);
    }
  }

  /** Records the closing command of a run that continues as a new run. */
  void continuedAsNew(ContinueAsNewRequest request) {
    command(
        new EventAttributes.WorkflowContinuedAsNew(
            null, request.input, searchAttributes, started == null ? null : started.memo()));
  }

  void continueAsNew(Object[] args) {
    WorkflowThreadContext.current("Workflow.continueAsNew")
        .blockingCoroutine("Workflow.continueAsNew");
    throw new ContinueAsNewRequest(
        payloads.encodeArguments(
            args, "input of the run that continues workflow '" + info.workflowId() + "'"));
  }

  private static boolean causedByCancellation(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof CanceledFailure) {
        return true;
      }
    }
    return false;
  }

  private void resolve(long seq, EventAttributes event) {
    PendingCall call = pending.remove(seq);
    if (call != null) {
      call.onEvent(event);
    }
  }

  private void signal(SignalReceived signal) {
    Method method = definition.signals().get(signal.signalName());
    if (method == null) {
      log.warn(
          "run {} of {} got signal '{}', which it does not handle; dropped (its signals: {})",
          info.runId(),
          info.workflowType(),
          signal.signalName(),
          definition.signals().keySet());
      return;
    }
    Object[] args;
    try {
      args = payloads.decodeArguments(signal.input(), method.getGenericParameterTypes());
    } catch (RuntimeException e) {
      log.warn(
          "run {}: the input of signal '{}' does not fit {}; dropped",
          info.runId(),
          signal.signalName(),
          method,
          e);
      return;
    }
    scheduler.spawn(
        "signal-" + signal.signalName(),
        rootScope,
        () -> {
          try {
            method.invoke(instance, args);
          } catch (InvocationTargetException e) {
            finishWithFailure(e.getCause());
          } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + method, e);
          }
        });
  }

  /**
   * Validates a requested update against the current state; an accepted one starts its handler, a
   * rejected one is remembered for {@link #rejectedUpdates()} and leaves no trace in history.
   */
  private void requestUpdate(EventAttributes.UpdateRequested request) {
    Method method = definition.updates().get(request.updateName());
    if (method == null) {
      rejectedUpdates.put(
          request.updateId(),
          FailureConverter.toFailure(
              new IllegalArgumentException(
                  "workflow type '"
                      + info.workflowType()
                      + "' has no update '"
                      + request.updateName()
                      + "'; its updates: "
                      + definition.updates().keySet())));
      return;
    }
    if (instance == null) {
      rejectedUpdates.put(
          request.updateId(),
          FailureConverter.toFailure(
              new IllegalStateException("the workflow has not started running its code yet")));
      return;
    }
    Method validator = definition.validators().get(request.updateName());
    if (validator != null) {
      try {
        Object[] args =
            payloads.decodeArguments(request.input(), validator.getGenericParameterTypes());
        validator.invoke(instance, args);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof DestroyWorkflowThreadError d) {
          throw d;
        }
        rejectedUpdates.put(request.updateId(), FailureConverter.toFailure(e.getCause()));
        return;
      } catch (IllegalAccessException | RuntimeException e) {
        rejectedUpdates.put(request.updateId(), FailureConverter.toFailure(e));
        return;
      }
    }
    runUpdate(request.updateId(), request.updateName(), request.input());
  }

  /** Returns the updates this task rejected, by update ID, with why. */
  public Map<String, Failure> rejectedUpdates() {
    return Map.copyOf(rejectedUpdates);
  }

  private void runUpdate(String updateId, String updateName, Payload input) {
    Method method = definition.updates().get(updateName);
    if (method == null) {
      abortTask(
          new IllegalStateException(
              "history accepted update '"
                  + updateName
                  + "', which workflow type '"
                  + info.workflowType()
                  + "' no longer has; its updates: "
                  + definition.updates().keySet()));
      return;
    }
    Object[] args;
    try {
      args = payloads.decodeArguments(input, method.getGenericParameterTypes());
    } catch (RuntimeException e) {
      abortTask(e);
      return;
    }
    scheduler.spawn(
        "update-" + updateName,
        rootScope,
        () -> {
          Object result;
          try {
            result = method.invoke(instance, args);
          } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof WeftFailure) {
              command(
                  new EventAttributes.UpdateCompleted(
                      updateId, null, FailureConverter.toFailure(cause)));
            } else {
              finishWithFailure(cause);
            }
            return;
          } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + method, e);
          }
          command(
              new EventAttributes.UpdateCompleted(
                  updateId,
                  payloads.encode(result, "result of update '" + updateName + "'"),
                  null));
        });
  }

  /**
   * Answers a query from the current state.
   *
   * @throws UnknownQueryException if the type has no such query
   * @throws QueryFailedException if the query method threw
   */
  public Payload query(String queryName, Payload args) {
    Method method = definition.queries().get(queryName);
    if (method == null) {
      throw new UnknownQueryException(
          info.workflowType(), queryName, definition.queries().keySet());
    }
    if (instance == null) {
      throw new QueryFailedException(
          info.workflowId(),
          queryName,
          new IllegalStateException("the workflow has not started running its code yet"));
    }
    Object[] decoded = payloads.decodeArguments(args, method.getGenericParameterTypes());
    WorkflowThreadContext.enter(this, null, true);
    try {
      Object result = method.invoke(instance, decoded);
      return payloads.encode(result, "result of query '" + queryName + "'");
    } catch (InvocationTargetException e) {
      throw new QueryFailedException(info.workflowId(), queryName, e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot call " + method, e);
    } finally {
      WorkflowThreadContext.exit();
    }
  }

  // ---------------------------------------------------------------- commands

  /**
   * Adds a command event to the task's output; while replaying, checks it against the recorded one
   * and returns that.
   */
  HistoryEvent command(EventAttributes event) {
    if (abort != null) {
      throw DestroyWorkflowThreadError.INSTANCE;
    }
    if (closing) {
      return null;
    }
    HistoryEvent recorded = null;
    if (replay != null) {
      try {
        recorded = replay.match(event);
      } catch (RuntimeException e) {
        abortTask(e);
        throw DestroyWorkflowThreadError.INSTANCE;
      }
    }
    produced.add(event);
    if (Commands.closesRun(event)) {
      closing = true;
    }
    return recorded;
  }

  PendingCall forgetPending(long seq) {
    return pending.remove(seq);
  }

  PayloadConverter payloads() {
    return payloads;
  }

  // ---------------------------------------------------------------- the Workflow API

  void yieldUntil(Coroutine self, BooleanSupplier condition) {
    if (abort != null || scheduler.isDestroying()) {
      throw DestroyWorkflowThreadError.INSTANCE;
    }
    scheduler.yieldUntil(self, condition);
  }

  Instant now() {
    return now;
  }

  Random random() {
    return random;
  }

  UUID randomUuid() {
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }

  boolean isReplaying() {
    return replay != null;
  }

  @SuppressWarnings("unchecked")
  <T> Promise<T> scheduleActivity(
      String activityType, Type resultType, Object[] args, ActivityOptions options) {
    Coroutine self =
        WorkflowThreadContext.current("calling an activity")
            .blockingCoroutine("calling an activity");
    String queue = options.taskQueue() != null ? options.taskQueue() : info.taskQueue();
    activityCheck.check(queue, activityType);
    Payload input = payloads.encodeArguments(args, "input of activity '" + activityType + "'");
    long seq = nextSeq++;
    command(
        new EventAttributes.ActivityScheduled(
            seq,
            activityType,
            queue,
            input,
            options.startToCloseTimeout(),
            options.scheduleToCloseTimeout(),
            options.heartbeatTimeout(),
            options.retryPolicy(),
            options.priority().resolve(started().effectivePriority())));
    WorkflowPromise<Object> promise = new WorkflowPromise<>();
    ActivityCall call = new ActivityCall(this, seq, activityType, resultType, promise, self.scope);
    pending.put(seq, call);
    self.scope.register(call);
    return (Promise<T>) promise;
  }

  @SuppressWarnings("unchecked")
  <T> Promise<T> scheduleLocalActivity(
      String activityType, Type resultType, Object[] args, LocalActivityOptions options) {
    Coroutine self =
        WorkflowThreadContext.current("calling a local activity")
            .blockingCoroutine("calling a local activity");
    activityCheck.check(info.taskQueue(), activityType);
    Payload input =
        payloads.encodeArguments(args, "input of local activity '" + activityType + "'");
    long seq = nextSeq++;
    WorkflowPromise<Object> promise = new WorkflowPromise<>();
    LocalActivityCall call =
        new LocalActivityCall(
            this, seq, activityType, resultType, input, options, now, promise, self.scope);
    self.scope.register(call);
    resumeLocalActivity(call);
    return (Promise<T>) promise;
  }

  /** Runs the next attempt of a local activity (live), or waits for its recorded outcome. */
  void resumeLocalActivity(LocalActivityCall call) {
    localRunning.put(call.seq, call);
    if (replay == null && localDeadline != null) {
      startLocalAttempt(call, Duration.ZERO);
    }
  }

  void forgetLocalActivity(LocalActivityCall call) {
    localRunning.remove(call.seq);
  }

  private void startLocalAttempt(LocalActivityCall call, Duration delay) {
    Instant start = localExecutor.now().plus(delay);
    Duration timeout = Duration.between(start, localDeadline);
    String timeoutType = "START_TO_CLOSE";
    String why =
        "local activity attempt "
            + call.attempt
            + " ran out of its workflow task's time for local activities ("
            + localActivityBudget
            + ")";
    Duration startToClose = call.options.startToCloseTimeout();
    if (startToClose != null && startToClose.compareTo(timeout) <= 0) {
      timeout = startToClose;
      why = "local activity attempt " + call.attempt + " timed out (START_TO_CLOSE)";
    }
    Duration scheduleToClose = call.options.scheduleToCloseTimeout();
    if (scheduleToClose != null) {
      Duration left = Duration.between(start, call.scheduledAt.plus(scheduleToClose));
      if (left.compareTo(timeout) <= 0) {
        timeout = left;
        timeoutType = "SCHEDULE_TO_CLOSE";
        why = "local activity timed out (SCHEDULE_TO_CLOSE)";
      }
    }
    call.running =
        localExecutor.start(
            new LocalActivityExecutor.Attempt(
                info,
                call.activityType,
                call.seq,
                call.attempt,
                call.input,
                delay,
                timeout,
                timeoutType,
                why));
  }

  /**
   * Waits for the first running local activity attempt to end and handles its outcome: records it,
   * or starts the next attempt after a short backoff. Returns false if nothing runs.
   */
  private boolean completeNextLocalActivity() {
    List<LocalActivityCall> live =
        localRunning.values().stream().filter(c -> c.running != null).toList();
    if (live.isEmpty()) {
      return false;
    }
    CompletableFuture.anyOf(
            live.stream().map(c -> c.running.outcome()).toArray(CompletableFuture[]::new))
        .join();
    for (LocalActivityCall call : live) {
      if (call.running.outcome().isDone()) {
        handleLocalOutcome(call, call.running.outcome().join());
        return true;
      }
    }
    return true;
  }

  private void handleLocalOutcome(LocalActivityCall call, LocalActivityExecutor.Outcome outcome) {
    switch (outcome) {
      case LocalActivityExecutor.Completed c ->
          recordLocal(
              call,
              new LocalActivityRecorded(
                  call.seq, call.activityType, c.result(), null, call.attempt, null));
      case LocalActivityExecutor.Failed f -> {
        Instant at = localExecutor.now();
        RetryPolicy policy = call.options.retryPolicy();
        Duration backoff = policy.backoff(call.attempt);
        Duration scheduleToClose = call.options.scheduleToCloseTimeout();
        boolean retry =
            policy.allowsRetry(call.attempt, f.failure().type(), f.failure().nonRetryable())
                && (scheduleToClose == null
                    || at.plus(backoff).isBefore(call.scheduledAt.plus(scheduleToClose)));
        if (retry && at.plus(backoff).plus(MIN_LOCAL_ATTEMPT).isBefore(localDeadline)) {
          call.attempt++;
          startLocalAttempt(call, backoff);
          return;
        }
        recordLocal(
            call,
            new LocalActivityRecorded(
                call.seq,
                call.activityType,
                null,
                f.failure(),
                call.attempt,
                retry ? backoff : null));
      }
    }
  }

  private void recordLocal(LocalActivityCall call, LocalActivityRecorded recorded) {
    localRunning.remove(call.seq);
    call.running = null;
    command(recorded);
    call.onRecorded(recorded);
  }

  /**
   * On replay: if the next recorded command is the outcome of a local activity that is waiting for
   * it, applies it. Returns false otherwise.
   */
  private boolean replayNextLocalActivity() {
    HistoryEvent next = replay.peek();
    if (next == null
        || !(next.attributes() instanceof LocalActivityRecorded r)
        || !localRunning.containsKey(r.seq())) {
      return false;
    }
    LocalActivityCall call = localRunning.remove(r.seq());
    command(r);
    call.onRecorded(r);
    return true;
  }

  /** Starts the durable timer after which a local activity's next attempt runs. */
  PendingCall startLocalRetryTimer(LocalActivityCall call, Duration backoff) {
    long seq = nextSeq++;
    command(new EventAttributes.TimerStarted(seq, backoff, now.plus(backoff)));
    PendingCall timer =
        new PendingCall() {
          @Override
          public void onEvent(EventAttributes event) {
            call.onRetryTimerFired();
          }

          @Override
          public void cancel(String reason) {
            if (forgetPending(seq) != null) {
              command(new EventAttributes.TimerCanceled(seq));
            }
          }
        };
    pending.put(seq, timer);
    return timer;
  }

  @SuppressWarnings("unchecked")
  <T> Promise<T> startChildWorkflow(
      String workflowType, Type resultType, Object[] args, ChildWorkflowOptions options) {
    Coroutine self =
        WorkflowThreadContext.current("starting a child workflow")
            .blockingCoroutine("starting a child workflow");
    String where = "child workflow '" + workflowType + "' of '" + info.workflowType() + "'";
    String workflowId =
        options.workflowId() != null ? options.workflowId() : randomUuid().toString();
    String queue = options.taskQueue() != null ? options.taskQueue() : info.taskQueue();
    Payload input = payloads.encodeArguments(args, "input of " + where);
    Map<String, IndexedValue> attributes =
        searchAttributeIndexer.index(options.searchAttributes(), where);
    Payload memo =
        options.memo().isEmpty()
            ? null
            : payloads.encode(new TreeMap<>(options.memo()), "memo of " + where);
    long seq = nextSeq++;
    command(
        new EventAttributes.StartChildWorkflowInitiated(
            seq,
            workflowType,
            workflowId,
            queue,
            input,
            options.parentClosePolicy().name(),
            options.idReusePolicy().name(),
            options.workflowExecutionTimeout(),
            options.workflowRunTimeout(),
            options.retryPolicy(),
            attributes,
            memo,
            null,
            options.priority().resolve(started().effectivePriority())));
    WorkflowPromise<Object> promise = new WorkflowPromise<>();
    ChildWorkflowCall call =
        new ChildWorkflowCall(
            this,
            seq,
            workflowType,
            workflowId,
            options.parentClosePolicy(),
            resultType,
            promise,
            self.scope);
    pending.put(seq, call);
    self.scope.register(call);
    return (Promise<T>) promise;
  }

  /** Returns the child workflows this run started and has not seen close. */
  public List<OpenChild> openChildren() {
    List<OpenChild> open = new ArrayList<>();
    for (PendingCall call : pending.values()) {
      if (call instanceof ChildWorkflowCall child) {
        open.add(child.open());
      }
    }
    return open;
  }

  TimerCall startTimer(Duration duration) {
    Coroutine self =
        WorkflowThreadContext.current("starting a timer").blockingCoroutine("starting a timer");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("timer duration must not be negative, was " + duration);
    }
    long seq = nextSeq++;
    command(new EventAttributes.TimerStarted(seq, duration, now.plus(duration)));
    TimerCall call = new TimerCall(this, seq, new WorkflowPromise<>(), self.scope);
    pending.put(seq, call);
    self.scope.register(call);
    return call;
  }

  void await(BooleanSupplier condition) {
    Coroutine self =
        WorkflowThreadContext.current("Workflow.await").blockingCoroutine("Workflow.await");
    ScopeNode scope = self.scope;
    yieldUntil(self, () -> condition.getAsBoolean() || scope.isCancelRequested());
    if (!condition.getAsBoolean()) {
      throw new CanceledFailure("await cancelled: " + scope.reason());
    }
  }

  boolean await(Duration timeout, BooleanSupplier condition) {
    Coroutine self =
        WorkflowThreadContext.current("Workflow.await").blockingCoroutine("Workflow.await");
    if (condition.getAsBoolean()) {
      return true;
    }
    ScopeNode scope = self.scope;
    TimerCall timer = startTimer(timeout);
    yieldUntil(
        self,
        () -> condition.getAsBoolean() || timer.promise().isDone() || scope.isCancelRequested());
    if (condition.getAsBoolean()) {
      timer.cancel("condition met");
      return true;
    }
    if (scope.isCancelRequested()) {
      throw new CanceledFailure("await cancelled: " + scope.reason());
    }
    return false;
  }

  <T> Promise<T> async(String name, Supplier<T> fn) {
    Coroutine self =
        WorkflowThreadContext.current("Workflow.async").blockingCoroutine("Workflow.async");
    WorkflowPromise<T> promise = new WorkflowPromise<>();
    scheduler.spawn(
        name,
        self.scope,
        () -> {
          try {
            promise.complete(fn.get());
          } catch (DestroyWorkflowThreadError e) {
            throw e;
          } catch (RuntimeException e) {
            promise.completeExceptionally(e);
          }
        });
    return promise;
  }

  @SuppressWarnings("unchecked")
  <R> R sideEffect(Type type, Supplier<R> fn) {
    WorkflowThreadContext.current("Workflow.sideEffect").blockingCoroutine("Workflow.sideEffect");
    long seq = nextSeq++;
    if (replay != null) {
      HistoryEvent recorded = command(new MarkerRecorded(seq, "SideEffect", "", null));
      return (R) payloads.decode(((MarkerRecorded) recorded.attributes()).value(), type);
    }
    R value = fn.get();
    command(new MarkerRecorded(seq, "SideEffect", "", payloads.encode(value, "side effect value")));
    return value;
  }

  int getVersion(String changeId, int minSupported, int maxSupported) {
    WorkflowThreadContext.current("Workflow.getVersion").blockingCoroutine("Workflow.getVersion");
    Integer version = versions.get(changeId);
    if (version == null) {
      if (replay != null) {
        HistoryEvent recorded;
        try {
          recorded = replay.matchVersion(changeId);
        } catch (RuntimeException e) {
          abortTask(e);
          throw DestroyWorkflowThreadError.INSTANCE;
        }
        version =
            recorded == null
                ? DEFAULT_VERSION
                : (Integer)
                    payloads.decode(
                        ((MarkerRecorded) recorded.attributes()).value(), Integer.class);
      } else {
        version = maxSupported;
        command(
            new MarkerRecorded(
                0,
                Commands.VERSION_MARKER,
                changeId,
                payloads.encode(maxSupported, "version of '" + changeId + "'")));
      }
      versions.put(changeId, version);
    }
    if (version < minSupported || version > maxSupported) {
      throw new UnsupportedVersionException(
          info.workflowId(), changeId, version, minSupported, maxSupported);
    }
    return version;
  }

  void upsertSearchAttributes(Map<String, ?> changes) {
    WorkflowThreadContext.current("Workflow.upsertSearchAttributes")
        .blockingCoroutine("Workflow.upsertSearchAttributes");
    if (changes.isEmpty()) {
      throw new IllegalArgumentException(
          "Workflow.upsertSearchAttributes needs at least one entry");
    }
    Map<String, Object> values = new TreeMap<>();
    List<String> removed = new ArrayList<>();
    changes.forEach(
        (name, value) -> {
          if (value == null) {
            removed.add(name);
          } else {
            values.put(name, value);
          }
        });
    String where = "Workflow.upsertSearchAttributes of workflow '" + info.workflowType() + "'";
    Map<String, IndexedValue> indexed = searchAttributeIndexer.index(values, where);
    searchAttributeIndexer.checkRemovable(removed, where);
    command(new EventAttributes.SearchAttributesUpserted(indexed, removed));
    searchAttributes.putAll(indexed);
    removed.forEach(searchAttributes::remove);
  }

  Map<String, IndexedValue> searchAttributes() {
    return Map.copyOf(searchAttributes);
  }

  ScopeNode newScope(boolean detached, Runnable body) {
    Coroutine self =
        WorkflowThreadContext.current("Workflow.newCancellationScope")
            .blockingCoroutine("Workflow.newCancellationScope");
    return new ScopeNode(detached ? null : self.scope, detached, body);
  }

  ScopeNode currentScope() {
    WorkflowThreadContext context = WorkflowThreadContext.current("CancellationScope.current()");
    return context.coroutine == null ? rootScope : context.coroutine.scope;
  }

  private static long seed(String runId) {
    try {
      UUID id = UUID.fromString(runId);
      return id.getMostSignificantBits() ^ id.getLeastSignificantBits();
    } catch (IllegalArgumentException e) {
      return runId.hashCode();
    }
  }
}
