package dev.weft.server.api.workflows;

import dev.weft.failure.ActivityFailure;
import dev.weft.failure.ApplicationFailure;
import dev.weft.failure.CanceledFailure;
import dev.weft.failure.ChildWorkflowFailure;
import dev.weft.failure.TerminatedFailure;
import dev.weft.failure.TimeoutFailure;
import dev.weft.history.Failure;

/**
 * {@code WorkflowFailure}: a failure and its cause chain, in the shape history records failures
 * ({@link Failure}) without the stack trace, which the API does not hand out.
 *
 * @param kind {@link Failure#kind()}
 * @param type {@link Failure#type()}
 * @param message the message
 * @param nonRetryable whether retry policies must not retry it
 * @param seq for activity failures, the activity's sequence number, else null
 * @param attempt for activity failures, the attempts made, else null
 * @param workflowId for child workflow failures, the child's workflow ID, else null
 * @param runId for child workflow failures, the child's run ID, else null
 * @param nextRetryDelay for application failures, the retry delay the code asked for, else null
 * @param cause the cause, or null
 */
record WorkflowFailureDocument(
    String kind,
    String type,
    String message,
    boolean nonRetryable,
    Long seq,
    Integer attempt,
    String workflowId,
    String runId,
    String nextRetryDelay,
    WorkflowFailureDocument cause) {

  private static final int MAX_DEPTH = 8;

  /** The document of {@code t} and its causes (the first eight), or null for null. */
  static WorkflowFailureDocument of(Throwable t) {
    return of(t, 0);
  }

  private static WorkflowFailureDocument of(Throwable t, int depth) {
    if (t == null || depth >= MAX_DEPTH) {
      return null;
    }
    WorkflowFailureDocument cause = t.getCause() == t ? null : of(t.getCause(), depth + 1);
    String message = String.valueOf(t.getMessage());
    return switch (t) {
      case ApplicationFailure a ->
          new WorkflowFailureDocument(
              Failure.APPLICATION,
              a.getType(),
              message,
              a.isNonRetryable(),
              null,
              null,
              null,
              null,
              a.getNextRetryDelay() == null ? null : a.getNextRetryDelay().toString(),
              cause);
      case ActivityFailure a ->
          new WorkflowFailureDocument(
              Failure.ACTIVITY,
              a.getActivityType(),
              message,
              false,
              a.getSeq(),
              a.getAttempt(),
              null,
              null,
              null,
              cause);
      case ChildWorkflowFailure c ->
          new WorkflowFailureDocument(
              Failure.CHILD_WORKFLOW,
              c.getWorkflowType(),
              message,
              false,
              null,
              null,
              c.getWorkflowId(),
              c.getRunId(),
              null,
              cause);
      case CanceledFailure c -> simple(Failure.CANCELED, "Canceled", message, false, cause);
      case TimeoutFailure to ->
          simple(Failure.TIMEOUT, to.getTimeoutType().name(), message, false, cause);
      case TerminatedFailure te -> simple(Failure.TERMINATED, "Terminated", message, true, null);
      default -> simple(Failure.APPLICATION, t.getClass().getName(), message, false, cause);
    };
  }

  private static WorkflowFailureDocument simple(
      String kind,
      String type,
      String message,
      boolean nonRetryable,
      WorkflowFailureDocument cause) {
    return new WorkflowFailureDocument(
        kind, type, message, nonRetryable, null, null, null, null, null, cause);
  }
}
