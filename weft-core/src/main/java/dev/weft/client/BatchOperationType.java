package dev.weft.client;

/** What a batch operation does to each run its query matches (Temporal's batch operation types). */
public enum BatchOperationType {
  /** Requests cancellation ({@link WorkflowHandle#cancel}). */
  CANCEL,
  /** Terminates the run with the batch's reason ({@link WorkflowHandle#terminate}). */
  TERMINATE,
  /** Sends a signal with arguments ({@link WorkflowHandle#signal}). */
  SIGNAL,
  /** Pauses the run's dispatch with the batch's reason ({@link WorkflowHandle#pause}). */
  PAUSE,
  /** Resumes a paused run ({@link WorkflowHandle#resume}). */
  RESUME
}
