package dev.weft.common;

/**
 * The lifecycle state of a workflow run. A run starts {@link #RUNNING} and ends in exactly one
 * closed state; a closed run never opens again (a new run of the same workflow ID is a new run).
 */
public enum WorkflowStatus {
  /** The run is open: it has work to do or is waiting for something. */
  RUNNING,
  /** The workflow method returned a result. */
  COMPLETED,
  /** The workflow method threw a failure. */
  FAILED,
  /** The run was cancelled and its code let the cancellation end it. */
  CANCELED,
  /** The run was stopped from outside without giving its code a chance to react. */
  TERMINATED,
  /** The run ended by starting a new run of the same workflow ID. */
  CONTINUED_AS_NEW,
  /** The run exceeded its run or execution timeout. */
  TIMED_OUT;

  /** Returns whether this is a closed (final) state. */
  public boolean isClosed() {
    return this != RUNNING;
  }
}
