package dev.weft.internal.runtime;

import dev.weft.activity.ActivityCancellationType;
import dev.weft.failure.ActivityFailure;
import dev.weft.failure.CanceledFailure;
import dev.weft.failure.TimeoutFailure;
import dev.weft.failure.TimeoutType;
import dev.weft.history.EventAttributes;
import dev.weft.history.EventAttributes.ActivityCompleted;
import dev.weft.history.EventAttributes.ActivityFailed;
import dev.weft.history.EventAttributes.ActivityTimedOut;
import dev.weft.internal.codec.FailureConverter;
import java.lang.reflect.Type;

/**
 * A scheduled activity whose outcome the workflow awaits. Cancelling it depends on its {@link
 * ActivityCancellationType}: TRY_CANCEL records the request and fails the promise at once;
 * WAIT_CANCELLATION_COMPLETED records the request (waiting for completion) and leaves the promise
 * to the activity's outcome, an {@link EventAttributes.ActivityCanceled} failing it as cancelled;
 * ABANDON records nothing and fails the promise at once.
 */
final class ActivityCall implements PendingCall {
  private final PendingCalls calls;
  private final long seq;
  private final String activityType;
  private final Type resultType;
  private final WorkflowPromise<Object> promise;
  private final ScopeNode scope;
  private final ActivityCancellationType cancellationType;
  private boolean cancelRequested;
  private String cancelReason;

  ActivityCall(
      PendingCalls calls,
      long seq,
      String activityType,
      Type resultType,
      WorkflowPromise<Object> promise,
      ScopeNode scope,
      ActivityCancellationType cancellationType) {
    this.calls = calls;
    this.seq = seq;
    this.activityType = activityType;
    this.resultType = resultType;
    this.promise = promise;
    this.scope = scope;
    this.cancellationType = cancellationType;
  }

  @Override
  public void onEvent(EventAttributes event) {
    scope.unregister(this);
    switch (event) {
      case ActivityCompleted c -> {
        try {
          promise.complete(calls.payloads().decode(c.result(), resultType));
        } catch (RuntimeException e) {
          promise.completeExceptionally(e);
        }
      }
      case ActivityFailed f ->
          promise.completeExceptionally(
              new ActivityFailure(
                  activityType, seq, f.attempt(), FailureConverter.toException(f.failure())));
      case EventAttributes.ActivityCanceled c ->
          promise.completeExceptionally(
              new ActivityFailure(
                  activityType, seq, c.attempt(), new CanceledFailure(cancelReason)));
      case ActivityTimedOut t ->
          promise.completeExceptionally(
              new ActivityFailure(
                  activityType,
                  seq,
                  t.attempt(),
                  new TimeoutFailure(
                      TimeoutType.valueOf(t.timeoutType()),
                      "activity timed out (" + t.timeoutType() + ")",
                      FailureConverter.toException(t.lastFailure()))));
      default -> throw new IllegalStateException("activity " + seq + " got " + event);
    }
  }

  @Override
  public void cancel(String reason) {
    if (cancellationType == ActivityCancellationType.WAIT_CANCELLATION_COMPLETED) {
      // the promise completes with the activity's outcome (onEvent), once its attempt stopped
      if (!cancelRequested && calls.awaits(seq)) {
        cancelRequested = true;
        cancelReason = reason;
        calls.command(new EventAttributes.ActivityCancelRequested(seq, true));
      }
      return;
    }
    if (calls.forget(seq) == null) {
      return;
    }
    // ABANDON records nothing: the activity keeps running and its outcome, if any, is ignored
    if (cancellationType != ActivityCancellationType.ABANDON) {
      calls.command(new EventAttributes.ActivityCancelRequested(seq));
    }
    promise.completeExceptionally(
        new ActivityFailure(activityType, seq, 0, new CanceledFailure(reason)));
  }
}
