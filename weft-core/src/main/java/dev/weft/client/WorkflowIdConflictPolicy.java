package dev.weft.client;

/** What a start does when a run with the same workflow ID is running. */
public enum WorkflowIdConflictPolicy {
  /** Refuse with {@code WorkflowAlreadyStartedException} (the default). */
  FAIL,
  /** Return a handle to the running run instead of starting one. */
  USE_EXISTING
}
