package dev.weft.internal.runtime;

import dev.weft.failure.CanceledFailure;
import dev.weft.history.EventAttributes;

/** A started timer that the workflow awaits. */
final class TimerCall implements PendingCall {
  private final PendingCalls calls;
  private final long seq;
  private final WorkflowPromise<Void> promise;
  private final ScopeNode scope;

  TimerCall(PendingCalls calls, long seq, WorkflowPromise<Void> promise, ScopeNode scope) {
    this.calls = calls;
    this.seq = seq;
    this.promise = promise;
    this.scope = scope;
  }

  WorkflowPromise<Void> promise() {
    return promise;
  }

  @Override
  public void onEvent(EventAttributes event) {
    scope.unregister(this);
    promise.complete(null);
  }

  @Override
  public void cancel(String reason) {
    if (calls.forget(seq) == null) {
      return;
    }
    scope.unregister(this);
    calls.command(new EventAttributes.TimerCanceled(seq));
    promise.completeExceptionally(new CanceledFailure("timer cancelled: " + reason));
  }
}
