package dev.weft.workflow;

import dev.weft.internal.runtime.ExternalWorkflowStubs;

/**
 * Signals or cancels another workflow from workflow code, by its workflow ID (and run ID, if one
 * was named). Durable: the signal or cancel request is recorded in this run's history and put in
 * the target's inbox in the same transaction as the workflow task that sent it, so it is sent
 * exactly once, also on replay.
 *
 * <pre>{@code
 * ExternalWorkflowStub order = Workflow.newUntypedExternalWorkflowStub("order-42");
 * order.signal("paymentReceived", 1250);
 * }</pre>
 *
 * <p>Use only from workflow code (not from a query method); not thread-safe, like all workflow
 * state.
 */
public interface ExternalWorkflowStub {

  /** Returns the target's workflow ID. */
  String getWorkflowId();

  /** Returns the target's run ID, or {@code null} when the stub targets the current run. */
  String getRunId();

  /**
   * Sends a signal and waits until it is in the target's inbox.
   *
   * @throws dev.weft.failure.SignalExternalWorkflowException if no run with the ID exists or it is
   *     closed
   * @throws dev.weft.failure.DataConverterException if an argument cannot be encoded
   */
  void signal(String signalName, Object... args);

  /**
   * Sends a signal; the promise completes when it is in the target's inbox, or fails with {@link
   * dev.weft.failure.SignalExternalWorkflowException}.
   */
  Promise<Void> signalAsync(String signalName, Object... args);

  /**
   * Asks the target to cancel (as {@code WorkflowHandle.cancel} does) and waits until the request
   * is in its inbox. The target decides what cancellation means to it; this does not wait for it to
   * close.
   *
   * @throws dev.weft.failure.CancelExternalWorkflowException if no run with the ID exists or it is
   *     closed
   */
  void cancel();

  /**
   * Asks the target to cancel; the promise completes when the request is in its inbox, or fails
   * with {@link dev.weft.failure.CancelExternalWorkflowException}.
   */
  Promise<Void> cancelAsync();

  /**
   * Returns the untyped stub behind a typed one made by {@link Workflow#newExternalWorkflowStub}
   * (to cancel the target, for example).
   *
   * @throws IllegalArgumentException if {@code typed} is not such a stub
   */
  static ExternalWorkflowStub fromTyped(Object typed) {
    return ExternalWorkflowStubs.fromTyped(typed);
  }
}
