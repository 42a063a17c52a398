package dev.weft.internal.runtime;

import dev.weft.converter.Payload;
import dev.weft.failure.QueryFailedException;
import dev.weft.failure.UnknownQueryException;
import dev.weft.history.EventAttributes;
import dev.weft.history.EventAttributes.ActivityCompleted;
import dev.weft.history.EventAttributes.ActivityFailed;
import dev.weft.history.EventAttributes.ActivityTimedOut;
import dev.weft.history.EventAttributes.SignalReceived;
import dev.weft.history.EventAttributes.TimerFired;
import dev.weft.history.EventAttributes.WorkflowCancelRequested;
import dev.weft.history.EventAttributes.WorkflowStarted;
import dev.weft.history.Failure;
import dev.weft.history.HistoryEvent;
import dev.weft.internal.codec.PayloadConverter;
import dev.weft.internal.definition.WorkflowDefinition;
import dev.weft.workflow.WorkflowInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The in-memory state of one run: its workflow object, coroutines and pending commands. Runs
 * workflow tasks: applies the task's inbound events, runs the code until every coroutine is
 * blocked, and returns the command events the code produced. The same method replays a recorded
 * task, checking that the code asks for the recorded commands.
 *
 * <p>The runner owns the task's lifecycle and dispatches inbound events; its parts own the rest:
 * {@link CurrentTask} (the commands and the replay check), {@link WorkflowInstance} (the workflow
 * object and how its method ends), {@link PendingCalls} (activities, timers, children), {@link
 * LocalActivityAttempts}, {@link MessageHandlers} (signals, updates, queries), {@link Markers}
 * (side effects, versions, search attributes) and {@link Concurrency} (await, async, scopes).
 *
 * <p>Not thread-safe: one workflow task (or query) at a time, which the worker's cache guarantees.
 */
public final class WorkflowRunner {

  /** The recorded command events of a task being replayed, after its boundary event. */
  public record ReplayedTask(long boundaryEventId, List<HistoryEvent> commands) {}

  /**
   * The built-in query that answers where the workflow threads are blocked (Temporal's name; the
   * public constant is {@code WeftClient.QUERY_TYPE_STACK_TRACE}).
   */
  public static final String STACK_TRACE_QUERY = "__stack_trace";

  private final WorkflowInfo info;
  private final CurrentTask task;
  private final BooleanSupplier stopping;
  private final WorkflowRandom random;
  private final PayloadConverter payloads;
  private final CoroutineScheduler scheduler;
  private final ScopeNode rootScope = new ScopeNode(null, true, () -> {});
  private final Markers markers;
  private final WorkflowInstance instance;
  private final PendingCalls calls;
  private final LocalActivityAttempts localActivities;
  private final MessageHandlers handlers;
  private final Concurrency concurrency;
  private final HistoryInfo historyInfo;
  private long nextEventId = 1;
  private long historyBytes;

  WorkflowRunner(
      WorkflowInfo info,
      WorkflowDefinition definition,
      Supplier<?> factory,
      WorkflowRunners shared) {
    PayloadConverter payloads = shared.payloads;
    this.info = info;
    this.task = new CurrentTask(info.runId());
    this.stopping = task::isStopping;
    this.random = new WorkflowRandom(info.runId());
    this.payloads = payloads;
    this.scheduler = new CoroutineScheduler(this, shared.deadlockTimeout);
    this.markers = new Markers(info, task, payloads, shared.searchAttributes);
    this.instance =
        new WorkflowInstance(
            info, definition, factory, payloads, task, scheduler, rootScope, markers);
    this.calls =
        new PendingCalls(
            info,
            task,
            payloads,
            shared.activityCheck,
            shared.searchAttributes,
            random,
            instance::started);
    this.localActivities =
        new LocalActivityAttempts(
            info,
            task,
            calls,
            payloads,
            shared.activityCheck,
            shared.localActivities,
            shared.localActivityBudget);
    this.handlers = new MessageHandlers(info, definition, payloads, task, instance);
    this.concurrency = new Concurrency(task, scheduler, calls, rootScope);
    this.historyInfo =
        new HistoryInfo(
            task, payloads, shared.historyLimits, () -> nextEventId - 1, () -> historyBytes);
  }

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
    task.begin(taskTime, recordedCommands);
    handlers.clearRejections();
    localActivities.beginTask();
    WorkflowThreadContext.enter(this, null, false);
    try {
      for (EventAttributes event : inbound) {
        apply(event);
      }
      instance.startDeferredMain();
      if (task.abortReason() == null) {
        scheduler.runUntilBlocked(stopping);
      }
      while (!task.isStopping() && localActivities.hasOutstanding()) {
        if (!localActivities.recordNext()) {
          break;
        }
        scheduler.runUntilBlocked(stopping);
      }
      task.finishReplay();
    } catch (DestroyWorkflowThreadError e) {
      // the task's abort reason says why
    } catch (RuntimeException e) {
      task.abort(e);
    } finally {
      WorkflowThreadContext.exit();
      task.end();
      if (task.isStopping()) {
        localActivities.stop();
      }
    }
    if (task.abortReason() != null) {
      throw new WorkflowTaskFailedException(info.runId(), task.abortReason());
    }
    return task.produced();
  }

  private void apply(EventAttributes event) {
    switch (event) {
      case WorkflowStarted s -> instance.start(s);
      case ActivityCompleted c -> calls.resolve(c.seq(), c);
      case ActivityFailed f -> calls.resolve(f.seq(), f);
      case ActivityTimedOut t -> calls.resolve(t.seq(), t);
      case EventAttributes.ActivityCanceled c -> calls.resolve(c.seq(), c);
      case TimerFired t -> calls.resolve(t.seq(), t);
      case EventAttributes.ChildWorkflowStartFailed f -> calls.resolve(f.seq(), f);
      case EventAttributes.ChildWorkflowClosed c -> calls.resolve(c.seq(), c);
      case EventAttributes.ExternalWorkflowSignaled e -> calls.resolve(e.seq(), e);
      case EventAttributes.SignalExternalWorkflowFailed e -> calls.resolve(e.seq(), e);
      case EventAttributes.ExternalWorkflowCancelRequested e -> calls.resolve(e.seq(), e);
      case EventAttributes.RequestCancelExternalWorkflowFailed e -> calls.resolve(e.seq(), e);
      case SignalReceived s -> handlers.signal(s);
      case EventAttributes.UpdateRequested r -> handlers.requestUpdate(r);
      case EventAttributes.UpdateAccepted a ->
          handlers.runUpdate(a.updateId(), a.updateName(), a.input());
      case WorkflowCancelRequested r -> instance.requestCancel(r.reason());
      default -> {
        // task boundaries and terminal events carry nothing for the code
      }
    }
  }

  /** Records why the current task cannot complete; the scheduler stops at the next yield. */
  void abortTask(Throwable reason) {
    task.abort(reason);
  }

  /** Records the closing command of a run whose code asked to continue as new. */
  void continuedAsNew(ContinueAsNewRequest request) {
    instance.continuedAsNew(request);
  }

  /**
   * Returns whether this state waits for the command an event answers (an activity's outcome, a
   * timer's firing), or the event answers none. False means the state has not seen the command: it
   * is behind the history (another node moved the run on), or the command ended already.
   */
  public boolean awaits(EventAttributes event) {
    return !(event instanceof EventAttributes.Sequenced s) || calls.awaits(s.seq());
  }

  /** Returns whether the code produced a command that closes the run. */
  public boolean isClosing() {
    return task.isClosing();
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
    return instance.started();
  }

  /** Returns the updates the last task rejected, by update ID, with why. */
  public Map<String, Failure> rejectedUpdates() {
    return handlers.rejectedUpdates();
  }

  /** Returns the child workflows this run started and has not seen close. */
  public List<OpenChild> openChildren() {
    return calls.openChildren();
  }

  /**
   * Answers a query from the current state; the built-in {@link #STACK_TRACE_QUERY} answers where
   * the workflow threads are blocked.
   *
   * @throws UnknownQueryException if the type has no such query
   * @throws QueryFailedException if the query method threw
   */
  public Payload query(String queryName, Payload args) {
    if (STACK_TRACE_QUERY.equals(queryName)) {
      return payloads.encode(scheduler.stackTrace(), "result of query '" + queryName + "'");
    }
    WorkflowThreadContext.enter(this, null, true);
    try {
      return handlers.query(queryName, args);
    } finally {
      WorkflowThreadContext.exit();
    }
  }

  /** Unwinds every coroutine; the runner is unusable afterwards. */
  public void destroy() {
    localActivities.stop();
    scheduler.destroy();
  }

  Instant now() {
    return task.now();
  }

  boolean isReplaying() {
    return task.isReplaying();
  }

  Random random() {
    return random.random();
  }

  UUID randomUuid() {
    return random.uuid();
  }

  PendingCalls calls() {
    return calls;
  }

  LocalActivityAttempts localActivities() {
    return localActivities;
  }

  Markers markers() {
    return markers;
  }

  WorkflowInstance instance() {
    return instance;
  }

  MessageHandlers handlers() {
    return handlers;
  }

  Concurrency concurrency() {
    return concurrency;
  }

  HistoryInfo historyInfo() {
    return historyInfo;
  }
}
