package dev.weft.failure;

/** Which timeout expired. */
public enum TimeoutType {
  /** One attempt ran longer than its start-to-close timeout. */
  START_TO_CLOSE,
  /** The activity, over all attempts and backoffs, exceeded its schedule-to-close timeout. */
  SCHEDULE_TO_CLOSE,
  /** A running attempt did not heartbeat within its heartbeat timeout. */
  HEARTBEAT,
  /** A workflow run lasted longer than its run timeout. */
  WORKFLOW_RUN,
  /** A workflow, over all its runs (retries, continue-as-new), exceeded its execution timeout. */
  WORKFLOW_EXECUTION
}
