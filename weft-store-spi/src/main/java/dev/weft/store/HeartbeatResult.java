package dev.weft.store;

/** The outcome of {@link Store#recordHeartbeat}. */
public enum HeartbeatResult {
  /** The heartbeat was recorded and the lease extended. */
  RECORDED,
  /**
   * The heartbeat was recorded and the lease extended, and the workflow has asked the activity to
   * cancel ({@link Write.RequestActivityCancel}): the attempt should clean up and stop. It still
   * holds its task, so its outcome is recorded as usual, and it is not retried.
   */
  CANCEL_REQUESTED,
  /**
   * The attempt no longer owns the task: it was cancelled, timed out and handed to another attempt,
   * or its run closed. The attempt should stop.
   */
  LEASE_LOST
}
