package dev.weft.internal.codec;

import dev.weft.failure.NonDeterminismException;

/**
 * A failed workflow task's failure as data, kept beside its text ({@code
 * WorkflowTaskRecord.failureDetails}, JSON through {@link EventCodec#encodeValue}). Never part of
 * history: replay does not read it.
 *
 * @param nonDeterminism the two sides of a non-determinism error, or {@code null}
 */
public record WorkflowTaskFailureDetails(NonDeterminism nonDeterminism) {

  /**
   * The two sides of a non-determinism error.
   *
   * @param eventId the history event where they diverge (0 if past the end of the history)
   * @param codeAskedFor what the code asked for on replay
   * @param historyHas what the history records there
   */
  public record NonDeterminism(long eventId, String codeAskedFor, String historyHas) {}

  /** Returns the details of a failure, or null when it has none worth keeping. */
  public static WorkflowTaskFailureDetails of(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof NonDeterminismException nd) {
        return new WorkflowTaskFailureDetails(
            new NonDeterminism(nd.getEventId(), nd.getCodeAskedFor(), nd.getHistoryHas()));
      }
    }
    return null;
  }
}
