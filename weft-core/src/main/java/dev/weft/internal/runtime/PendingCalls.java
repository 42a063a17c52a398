package dev.weft.internal.runtime;

import dev.weft.activity.ActivityOptions;
import dev.weft.converter.Payload;
import dev.weft.history.EventAttributes;
import dev.weft.history.EventAttributes.WorkflowStarted;
import dev.weft.history.HistoryEvent;
import dev.weft.history.IndexedValue;
import dev.weft.internal.codec.PayloadConverter;
import dev.weft.workflow.ChildWorkflowOptions;
import dev.weft.workflow.Promise;
import dev.weft.workflow.WorkflowInfo;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The commands that wait for an inbound event: activities, timers and child workflows. Issues each
 * command with its sequence number and keeps its call until the event with that number answers it
 * (or it is cancelled).
 */
final class PendingCalls {
  private final WorkflowInfo info;
  private final CurrentTask task;
  private final PayloadConverter payloads;
  private final ActivityTypeCheck activityCheck;
  private final SearchAttributeIndexer searchAttributes;
  private final WorkflowRandom random;
  private final Supplier<WorkflowStarted> started;
  private final Map<Long, PendingCall> pending = new HashMap<>();

  /**
   * @param started the run's start event (the default priority of what it schedules)
   */
  PendingCalls(
      WorkflowInfo info,
      CurrentTask task,
      PayloadConverter payloads,
      ActivityTypeCheck activityCheck,
      SearchAttributeIndexer searchAttributes,
      WorkflowRandom random,
      Supplier<WorkflowStarted> started) {
    this.info = info;
    this.task = task;
    this.payloads = payloads;
    this.activityCheck = activityCheck;
    this.searchAttributes = searchAttributes;
    this.random = random;
    this.started = started;
  }

  @SuppressWarnings("unchecked")
  <T> Promise<T> scheduleActivity(
      ScopeNode scope,
      String activityType,
      Type resultType,
      Object[] args,
      ActivityOptions options) {
    String queue = options.taskQueue() != null ? options.taskQueue() : info.taskQueue();
    activityCheck.check(queue, activityType);
    Payload input = payloads.encodeArguments(args, "input of activity '" + activityType + "'");
    long seq = task.nextSeq();
    task.command(
        new EventAttributes.ActivityScheduled(
            seq,
            activityType,
            queue,
            input,
            options.startToCloseTimeout(),
            options.scheduleToCloseTimeout(),
            options.heartbeatTimeout(),
            options.retryPolicy(),
            options.priority().resolve(started.get().effectivePriority()),
            options.summary()));
    WorkflowPromise<Object> promise = new WorkflowPromise<>();
    ActivityCall call =
        new ActivityCall(
            this, seq, activityType, resultType, promise, scope, options.cancellationType());
    pending.put(seq, call);
    scope.register(call);
    return (Promise<T>) promise;
  }

  TimerCall startTimer(ScopeNode scope, Duration duration) {
    return startTimer(scope, duration, null);
  }

  /** Starts a durable timer with a user-facing summary (or null). */
  TimerCall startTimer(ScopeNode scope, Duration duration, String summary) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("timer duration must not be negative, was " + duration);
    }
    long seq = task.nextSeq();
    task.command(
        new EventAttributes.TimerStarted(seq, duration, task.now().plus(duration), summary));
    TimerCall call = new TimerCall(this, seq, new WorkflowPromise<>(), scope);
    pending.put(seq, call);
    scope.register(call);
    return call;
  }

  /** Starts the durable timer after which a local activity's next attempt runs. */
  PendingCall startLocalRetryTimer(LocalActivityCall call, Duration backoff) {
    long seq = task.nextSeq();
    task.command(new EventAttributes.TimerStarted(seq, backoff, task.now().plus(backoff)));
    PendingCall timer =
        new PendingCall() {
          @Override
          public void onEvent(EventAttributes event) {
            call.onRetryTimerFired();
          }

          @Override
          public void cancel(String reason) {
            if (forget(seq) != null) {
              task.command(new EventAttributes.TimerCanceled(seq));
            }
          }
        };
    pending.put(seq, timer);
    return timer;
  }

  @SuppressWarnings("unchecked")
  <T> Promise<T> startChildWorkflow(
      ScopeNode scope,
      String workflowType,
      Type resultType,
      Object[] args,
      ChildWorkflowOptions options) {
    String where = "child workflow '" + workflowType + "' of '" + info.workflowType() + "'";
    String workflowId =
        options.workflowId() != null ? options.workflowId() : random.uuid().toString();
    String queue = options.taskQueue() != null ? options.taskQueue() : info.taskQueue();
    Payload input = payloads.encodeArguments(args, "input of " + where);
    Map<String, IndexedValue> attributes =
        searchAttributes.index(options.searchAttributes(), where);
    Payload memo =
        options.memo().isEmpty()
            ? null
            : payloads.encode(new TreeMap<>(options.memo()), "memo of " + where);
    long seq = task.nextSeq();
    task.command(
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
            options.priority().resolve(started.get().effectivePriority())));
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
            scope,
            options.cancellationType());
    pending.put(seq, call);
    scope.register(call);
    return (Promise<T>) promise;
  }

  /**
   * Signals another workflow: issues the command and returns the promise its answer completes (the
   * signal is not cancelled with the scope: once issued, it is delivered).
   */
  Promise<Void> signalExternal(String workflowId, String runId, String signalName, Object[] args) {
    Payload input =
        payloads.encodeArguments(
            args, "input of signal '" + signalName + "' to external workflow '" + workflowId + "'");
    long seq = task.nextSeq();
    task.command(
        new EventAttributes.SignalExternalWorkflowInitiated(
            seq, workflowId, runId, signalName, input));
    return awaitExternal(seq, workflowId, runId);
  }

  /** Asks another workflow to cancel; returns the promise its answer completes. */
  Promise<Void> cancelExternal(String workflowId, String runId) {
    long seq = task.nextSeq();
    task.command(
        new EventAttributes.RequestCancelExternalWorkflowInitiated(seq, workflowId, runId));
    return awaitExternal(seq, workflowId, runId);
  }

  private Promise<Void> awaitExternal(long seq, String workflowId, String runId) {
    WorkflowPromise<Void> promise = new WorkflowPromise<>();
    pending.put(seq, new ExternalWorkflowCall(workflowId, runId, promise));
    return promise;
  }

  /** Returns the child workflows this run started and has not seen close. */
  List<OpenChild> openChildren() {
    List<OpenChild> open = new ArrayList<>();
    for (PendingCall call : pending.values()) {
      if (call instanceof ChildWorkflowCall child) {
        open.add(child.open());
      }
    }
    return open;
  }

  /** Returns whether a command with this sequence number waits for its answer. */
  boolean awaits(long seq) {
    return pending.containsKey(seq);
  }

  /** Hands an inbound event to the call it answers; an event nobody waits for is ignored. */
  void resolve(long seq, EventAttributes event) {
    PendingCall call = pending.remove(seq);
    if (call != null) {
      call.onEvent(event);
    }
  }

  /** Stops waiting for an answer (the call was cancelled); returns the call, or null. */
  PendingCall forget(long seq) {
    return pending.remove(seq);
  }

  /** Issues a command of a pending call (a cancellation). */
  HistoryEvent command(EventAttributes event) {
    return task.command(event);
  }

  PayloadConverter payloads() {
    return payloads;
  }
}
