package dev.weft.internal.runtime;

import dev.weft.failure.ApplicationFailure;
import dev.weft.failure.CanceledFailure;
import dev.weft.failure.ChildWorkflowFailure;
import dev.weft.history.EventAttributes;
import dev.weft.history.EventAttributes.ChildWorkflowClosed;
import dev.weft.history.EventAttributes.ChildWorkflowStartFailed;
import dev.weft.internal.codec.FailureConverter;
import dev.weft.workflow.ChildWorkflowCancellationType;
import dev.weft.workflow.ParentClosePolicy;
import java.lang.reflect.Type;

/** A child workflow the parent awaits; cancelling it asks the child to cancel. */
final class ChildWorkflowCall implements PendingCall {
  private final PendingCalls calls;
  private final long seq;
  private final String workflowType;
  private final String workflowId;
  private final ParentClosePolicy policy;
  private final Type resultType;
  private final WorkflowPromise<Object> promise;
  private final ScopeNode scope;
  private final ChildWorkflowCancellationType cancellationType;
  private boolean cancelRequested;

  ChildWorkflowCall(
      PendingCalls calls,
      long seq,
      String workflowType,
      String workflowId,
      ParentClosePolicy policy,
      Type resultType,
      WorkflowPromise<Object> promise,
      ScopeNode scope,
      ChildWorkflowCancellationType cancellationType) {
    this.calls = calls;
    this.seq = seq;
    this.workflowType = workflowType;
    this.workflowId = workflowId;
    this.policy = policy;
    this.resultType = resultType;
    this.promise = promise;
    this.scope = scope;
    this.cancellationType = cancellationType;
  }

  OpenChild open() {
    return new OpenChild(workflowId, policy);
  }

  @Override
  public void onEvent(EventAttributes event) {
    scope.unregister(this);
    if (promise.isDone()) {
      return; // abandoned: its close only ends the wait of the parent close policy
    }
    switch (event) {
      case ChildWorkflowStartFailed f ->
          promise.completeExceptionally(
              new ChildWorkflowFailure(
                  workflowType,
                  workflowId,
                  null,
                  ApplicationFailure.newNonRetryableFailure(f.reason(), "WorkflowAlreadyStarted")));
      case ChildWorkflowClosed c when "COMPLETED".equals(c.status()) -> {
        try {
          promise.complete(calls.payloads().decode(c.result(), resultType));
        } catch (RuntimeException e) {
          promise.completeExceptionally(e);
        }
      }
      case ChildWorkflowClosed c ->
          promise.completeExceptionally(
              new ChildWorkflowFailure(
                  workflowType, workflowId, c.runId(), FailureConverter.toException(c.failure())));
      default -> throw new IllegalStateException("child workflow " + seq + " got " + event);
    }
  }

  @Override
  public void cancel(String reason) {
    switch (cancellationType) {
      case ABANDON -> {
        // no request; the call stays pending so that the parent close policy still applies
        if (!promise.isDone()) {
          promise.completeExceptionally(canceled(reason));
        }
      }
      case WAIT_CANCELLATION_COMPLETED -> {
        // the promise completes when the child closes (onEvent), as its outcome says
        if (!cancelRequested && calls.awaits(seq)) {
          cancelRequested = true;
          calls.command(new EventAttributes.ChildWorkflowCancelRequested(seq, workflowId));
        }
      }
      case TRY_CANCEL, WAIT_CANCELLATION_REQUESTED -> {
        // the request is delivered in the transaction of this command: nothing more to wait for
        if (calls.forget(seq) == null) {
          return;
        }
        calls.command(new EventAttributes.ChildWorkflowCancelRequested(seq, workflowId));
        promise.completeExceptionally(canceled(reason));
      }
    }
  }

  private ChildWorkflowFailure canceled(String reason) {
    return new ChildWorkflowFailure(workflowType, workflowId, null, new CanceledFailure(reason));
  }
}
