package dev.weft.store;

/** The outcome of {@link Store#recordHeartbeat}. */
public enum HeartbeatResult {
  /** The heartbeat was recorded and the lease extended. */
  RECORDED,
  /**
   * The attempt no longer owns the task: it was cancelled, timed out and handed to another attempt,
   * or its run closed. The attempt should stop.
   */
  LEASE_LOST
}
