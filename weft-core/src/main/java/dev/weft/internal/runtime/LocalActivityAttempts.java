package dev.weft.internal.runtime;

import dev.weft.activity.LocalActivityOptions;
import dev.weft.common.RetryPolicy;
import dev.weft.converter.Payload;
import dev.weft.history.EventAttributes.LocalActivityRecorded;
import dev.weft.history.HistoryEvent;
import dev.weft.internal.codec.PayloadConverter;
import dev.weft.workflow.Promise;
import dev.weft.workflow.WorkflowInfo;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The local activities of a run: runs their attempts inside the workflow task (live), or waits for
 * their recorded outcomes at the same points (replay). A task may spend at most its budget on them;
 * a retry whose backoff does not fit is recorded with {@code retryAfter} and waits for a durable
 * timer instead.
 */
final class LocalActivityAttempts {
  /** Local retries start only if at least this much of the task's time is left after backoff. */
  private static final Duration MIN_LOCAL_ATTEMPT = Duration.ofMillis(100);

  private final WorkflowInfo info;
  private final CurrentTask task;
  private final PendingCalls calls;
  private final PayloadConverter payloads;
  private final ActivityTypeCheck activityCheck;
  private final LocalActivityExecutor executor;
  private final Duration budget;

  /** Local activities whose outcome is not recorded yet (running, or on replay, not reached). */
  private final TreeMap<Long, LocalActivityCall> outstanding = new TreeMap<>();

  private Instant deadline;

  /**
   * @param budget how long one workflow task may spend running local activities (less than its
   *     lease, so that the task completes while it holds the run)
   */
  LocalActivityAttempts(
      WorkflowInfo info,
      CurrentTask task,
      PendingCalls calls,
      PayloadConverter payloads,
      ActivityTypeCheck activityCheck,
      LocalActivityExecutor executor,
      Duration budget) {
    this.info = info;
    this.task = task;
    this.calls = calls;
    this.payloads = payloads;
    this.activityCheck = activityCheck;
    this.executor = executor;
    this.budget = budget;
  }

  /** Starts the task's budget (live tasks only: replay runs no attempt). */
  void beginTask() {
    deadline = task.isReplaying() ? null : executor.now().plus(budget);
  }

  @SuppressWarnings("unchecked")
  <T> Promise<T> schedule(
      ScopeNode scope,
      String activityType,
      Type resultType,
      Object[] args,
      LocalActivityOptions options) {
    activityCheck.check(info.taskQueue(), activityType);
    Payload input =
        payloads.encodeArguments(args, "input of local activity '" + activityType + "'");
    long seq = task.nextSeq();
    WorkflowPromise<Object> promise = new WorkflowPromise<>();
    LocalActivityCall call =
        new LocalActivityCall(
            this, seq, activityType, resultType, input, options, task.now(), promise, scope);
    scope.register(call);
    resume(call);
    return (Promise<T>) promise;
  }

  /** Runs the next attempt of a local activity (live), or waits for its recorded outcome. */
  void resume(LocalActivityCall call) {
    outstanding.put(call.seq, call);
    if (!task.isReplaying() && deadline != null) {
      startAttempt(call, Duration.ZERO);
    }
  }

  void forget(LocalActivityCall call) {
    outstanding.remove(call.seq);
  }

  /** Returns whether a local activity waits for its outcome to be recorded. */
  boolean hasOutstanding() {
    return !outstanding.isEmpty();
  }

  /**
   * Records the next outcome: on replay the next recorded one, if a local activity waits for it;
   * live, the first attempt to end (or starts the next attempt after a short backoff). Returns
   * false if there is nothing to record now.
   */
  boolean recordNext() {
    return task.isReplaying() ? replayNext() : completeNext();
  }

  /** Stops every running attempt (the task ends without them). */
  void stop() {
    for (LocalActivityCall call : outstanding.values()) {
      if (call.running != null) {
        call.running.cancel();
        call.running = null;
      }
    }
  }

  PendingCall startRetryTimer(LocalActivityCall call, Duration backoff) {
    return calls.startLocalRetryTimer(call, backoff);
  }

  PayloadConverter payloads() {
    return payloads;
  }

  private void startAttempt(LocalActivityCall call, Duration delay) {
    Instant start = executor.now().plus(delay);
    Duration timeout = Duration.between(start, deadline);
    String timeoutType = "START_TO_CLOSE";
    String why =
        "local activity attempt "
            + call.attempt
            + " ran out of its workflow task's time for local activities ("
            + budget
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
        executor.start(
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

  /** Waits for the first running attempt to end and handles its outcome. */
  private boolean completeNext() {
    List<LocalActivityCall> live =
        outstanding.values().stream().filter(c -> c.running != null).toList();
    if (live.isEmpty()) {
      return false;
    }
    CompletableFuture.anyOf(
            live.stream().map(c -> c.running.outcome()).toArray(CompletableFuture[]::new))
        .join();
    for (LocalActivityCall call : live) {
      if (call.running.outcome().isDone()) {
        handle(call, call.running.outcome().join());
        return true;
      }
    }
    return true;
  }

  private void handle(LocalActivityCall call, LocalActivityExecutor.Outcome outcome) {
    switch (outcome) {
      case LocalActivityExecutor.Completed c ->
          record(
              call,
              new LocalActivityRecorded(
                  call.seq, call.activityType, c.result(), null, call.attempt, null));
      case LocalActivityExecutor.Failed f -> {
        Instant at = executor.now();
        RetryPolicy policy = call.options.retryPolicy();
        Duration backoff =
            f.failure().nextRetryDelay() != null
                ? f.failure().nextRetryDelay()
                : policy.backoff(call.attempt);
        Duration scheduleToClose = call.options.scheduleToCloseTimeout();
        boolean retry =
            policy.allowsRetry(call.attempt, f.failure().type(), f.failure().nonRetryable())
                && (scheduleToClose == null
                    || at.plus(backoff).isBefore(call.scheduledAt.plus(scheduleToClose)));
        if (retry && at.plus(backoff).plus(MIN_LOCAL_ATTEMPT).isBefore(deadline)) {
          call.attempt++;
          startAttempt(call, backoff);
          return;
        }
        record(
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

  private void record(LocalActivityCall call, LocalActivityRecorded recorded) {
    outstanding.remove(call.seq);
    call.running = null;
    task.command(recorded);
    call.onRecorded(recorded);
  }

  /** Applies the next recorded command if it is the outcome of a waiting local activity. */
  private boolean replayNext() {
    HistoryEvent next = task.replay().peek();
    if (next == null
        || !(next.attributes() instanceof LocalActivityRecorded r)
        || !outstanding.containsKey(r.seq())) {
      return false;
    }
    LocalActivityCall call = outstanding.remove(r.seq());
    task.command(r);
    call.onRecorded(r);
    return true;
  }
}
