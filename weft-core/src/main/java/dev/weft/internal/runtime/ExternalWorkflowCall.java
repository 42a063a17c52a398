package dev.weft.internal.runtime;

import dev.weft.failure.CancelExternalWorkflowException;
import dev.weft.failure.SignalExternalWorkflowException;
import dev.weft.history.EventAttributes;
import dev.weft.history.EventAttributes.ExternalWorkflowCancelRequested;
import dev.weft.history.EventAttributes.ExternalWorkflowSignaled;
import dev.weft.history.EventAttributes.RequestCancelExternalWorkflowFailed;
import dev.weft.history.EventAttributes.SignalExternalWorkflowFailed;

/**
 * A signal or cancel request sent to another workflow, waiting for the answer that says whether it
 * reached a running target. Not cancellable: once the command is issued, the workflow task's commit
 * delivers it.
 */
final class ExternalWorkflowCall implements PendingCall {
  private final String workflowId;
  private final String runId;
  private final WorkflowPromise<Void> promise;

  ExternalWorkflowCall(String workflowId, String runId, WorkflowPromise<Void> promise) {
    this.workflowId = workflowId;
    this.runId = runId;
    this.promise = promise;
  }

  @Override
  public void onEvent(EventAttributes event) {
    switch (event) {
      case ExternalWorkflowSignaled s -> promise.complete(null);
      case ExternalWorkflowCancelRequested c -> promise.complete(null);
      case SignalExternalWorkflowFailed f ->
          promise.completeExceptionally(
              new SignalExternalWorkflowException(workflowId, runId, f.reason()));
      case RequestCancelExternalWorkflowFailed f ->
          promise.completeExceptionally(
              new CancelExternalWorkflowException(workflowId, runId, f.reason()));
      default ->
          throw new IllegalStateException(
              "external workflow call to '" + workflowId + "' got " + event);
    }
  }

  @Override
  public void cancel(String reason) {
    // never registered with a scope: the command is delivered whatever happens to the caller
  }
}
