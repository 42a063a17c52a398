package dev.weft.internal.runtime;

import dev.weft.activity.LocalActivityOptions;
import dev.weft.converter.Payload;
import dev.weft.failure.ActivityFailure;
import dev.weft.failure.CanceledFailure;
import dev.weft.history.EventAttributes.LocalActivityRecorded;
import dev.weft.internal.codec.FailureConverter;
import java.lang.reflect.Type;
import java.time.Instant;

/**
 * A local activity the workflow awaits. While an attempt runs (or, on replay, until its recorded
 * outcome is reached) it is in its run's set of outstanding local activities; after a failure whose
 * retry waits for a durable timer, it waits for that timer instead.
 */
final class LocalActivityCall implements ScopeNode.Cancelable {
  final long seq;
  final String activityType;
  final Payload input;
  final LocalActivityOptions options;

  /** The workflow time the code called it: the start of its schedule-to-close timeout. */
  final Instant scheduledAt;

  private final LocalActivityAttempts attempts;
  private final Type resultType;
  private final WorkflowPromise<Object> promise;
  private final ScopeNode scope;

  /** The attempt running or next to run. */
  int attempt = 1;

  /** The running attempt, live only. */
  LocalActivityExecutor.Running running;

  /** The retry timer this call waits for, or null. */
  PendingCall retryTimer;

  LocalActivityCall(
      LocalActivityAttempts attempts,
      long seq,
      String activityType,
      Type resultType,
      Payload input,
      LocalActivityOptions options,
      Instant scheduledAt,
      WorkflowPromise<Object> promise,
      ScopeNode scope) {
    this.attempts = attempts;
    this.seq = seq;
    this.activityType = activityType;
    this.resultType = resultType;
    this.input = input;
    this.options = options;
    this.scheduledAt = scheduledAt;
    this.promise = promise;
    this.scope = scope;
  }

  WorkflowPromise<Object> promise() {
    return promise;
  }

  /** Applies a recorded outcome: completes the promise, or waits for the retry timer. */
  void onRecorded(LocalActivityRecorded recorded) {
    running = null;
    if (recorded.retryAfter() != null) {
      attempt = recorded.attempt() + 1;
      retryTimer = attempts.startRetryTimer(this, recorded.retryAfter());
      return;
    }
    scope.unregister(this);
    if (recorded.failure() == null) {
      try {
        promise.complete(attempts.payloads().decode(recorded.result(), resultType));
      } catch (RuntimeException e) {
        promise.completeExceptionally(e);
      }
    } else {
      promise.completeExceptionally(
          new ActivityFailure(
              activityType,
              seq,
              recorded.attempt(),
              FailureConverter.toException(recorded.failure())));
    }
  }

  /** The retry timer fired: the next attempt runs. */
  void onRetryTimerFired() {
    retryTimer = null;
    attempts.resume(this);
  }

  @Override
  public void cancel(String reason) {
    if (promise.isDone()) {
      return;
    }
    scope.unregister(this);
    attempts.forget(this);
    if (running != null) {
      running.cancel();
      running = null;
    }
    if (retryTimer != null) {
      PendingCall timer = retryTimer;
      retryTimer = null;
      timer.cancel(reason);
    }
    promise.completeExceptionally(
        new ActivityFailure(activityType, seq, attempt, new CanceledFailure(reason)));
  }
}
