package dev.weft.internal.runtime;

/**
 * A workflow task could not complete: the code was non-deterministic, blocked, or threw an
 * exception that is not a workflow failure. The run stays open; the task is retried.
 */
public final class WorkflowTaskFailedException extends RuntimeException {

  WorkflowTaskFailedException(String runId, Throwable cause) {
    super("workflow task of run " + runId + " failed: " + cause, cause);
  }
}
