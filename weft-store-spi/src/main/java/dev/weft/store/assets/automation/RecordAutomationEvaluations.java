package dev.weft.store.assets.automation;

import dev.weft.store.Write;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Records evaluations of automation conditions and moves the evaluator's durable cursor from {@code
 * expectedCursor} to {@code newCursor} (the same value to keep it). A fired evaluation also marks
 * its asset handled up to the evaluation's {@code toSeq} with the run it started: an evaluator put
 * in the batch that starts that run, so the start, the record and the cursor commit together.
 * Conditional: conflicts, changing nothing, unless {@code owner} holds the lease at {@code at} and
 * the cursor is {@code expectedCursor} (a node that lost its lease, or a stale evaluation, cannot
 * fire).
 *
 * @param namespace the namespace
 * @param location the code location of the evaluator
 * @param owner the lease holder
 * @param expectedCursor the cursor the evaluation read from
 * @param newCursor the cursor afterwards, at least {@code expectedCursor}
 * @param evaluations what to record ({@link AutomationEvaluationRecord#id()} is ignored)
 * @param at when they were evaluated
 */
public record RecordAutomationEvaluations(
    String namespace,
    String location,
    String owner,
    long expectedCursor,
    long newCursor,
    List<AutomationEvaluationRecord> evaluations,
    Instant at)
    implements Write {
  /** Validates the write. */
  public RecordAutomationEvaluations {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(at, "at");
    evaluations = List.copyOf(evaluations);
    if (newCursor < expectedCursor) {
      throw new IllegalArgumentException(
          "automation cursor of "
              + namespace
              + "/"
              + location
              + " cannot move back from "
              + expectedCursor
              + " to "
              + newCursor);
    }
  }

  @Override
  public String runId() {
    return null;
  }
}
