package dev.weft.client;

/** What a start does when a run with the same workflow ID is running. */
public enum WorkflowIdConflictPolicy {
  /** Refuse with {@code WorkflowAlreadyStartedException} (the default). */
  FAIL,
  /** Return a handle to the running run instead of starting one. */
  USE_EXISTING,
  /**
   * Terminate the running run and start the new one, in one transaction: the old run's history ends
   * with {@code WorkflowTerminated} naming the new run, and its code does not run again. The ID
   * reuse policy still applies to the terminated run (with {@link
   * WorkflowIdReusePolicy#REJECT_DUPLICATE} the start is refused and nothing is terminated).
   */
  TERMINATE_EXISTING
}
