package dev.weft.workflow;

/**
 * What cancelling the scope of a running child workflow does ({@link
 * ChildWorkflowOptions.Builder#cancellationType}), as in Temporal.
 *
 * <pre>{@code
 * Shipping shipping = Workflow.newChildWorkflowStub(Shipping.class,
 *     ChildWorkflowOptions.newBuilder()
 *         .cancellationType(ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED)
 *         .build());
 * }</pre>
 *
 * <p>The default is {@link #TRY_CANCEL}, not Temporal's {@code WAIT_CANCELLATION_COMPLETED}: it is
 * what Weft always did, and runs recorded before this option existed must replay the same way.
 */
public enum ChildWorkflowCancellationType {
  /**
   * The default: a cancel request is sent to the child ({@code ChildWorkflowCancelRequested}) and
   * the parent's promise fails at once with a {@code ChildWorkflowFailure} caused by a {@code
   * CanceledFailure}; the child's outcome is then ignored.
   */
  TRY_CANCEL,

  /**
   * A cancel request is sent to the child and the parent's promise completes only when the child
   * closes, as the child's outcome says: failed with a {@code CanceledFailure} cause if it
   * cancelled, its result if it completed anyway, its failure if it failed.
   */
  WAIT_CANCELLATION_COMPLETED,

  /**
   * A cancel request is sent to the child and the parent's promise fails once the request is
   * delivered. Weft delivers it in the same transaction that records the parent's command, so
   * whatever the parent does after the promise failed is committed together with the delivery: this
   * behaves as {@link #TRY_CANCEL}.
   */
  WAIT_CANCELLATION_REQUESTED,

  /**
   * No cancel request is sent: the child keeps running, the parent's promise fails at once with a
   * {@code ChildWorkflowFailure} caused by a {@code CanceledFailure}, and the child's outcome is
   * ignored. The parent close policy still applies to the child when the parent closes.
   */
  ABANDON
}
