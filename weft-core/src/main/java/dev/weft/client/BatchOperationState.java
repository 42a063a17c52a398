package dev.weft.client;

/** Where a batch operation is (Temporal's states, plus {@link #STOPPED}). */
public enum BatchOperationState {
  /** Still paging through the matching runs. */
  RUNNING,
  /** Every matching run was visited (some may have failed: see the failure count). */
  COMPLETED,
  /** Stopped by {@link WeftClient#stopBatchOperation} before it visited every run. */
  STOPPED,
  /** The batch itself failed (its system workflow failed or timed out). */
  FAILED
}
