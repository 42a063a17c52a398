package dev.weft.internal.step;

import dev.weft.common.RetryPolicy;
import dev.weft.history.EventAttributes.WorkflowStarted;
import dev.weft.internal.engine.TimeOrderedIds;
import dev.weft.store.RunRecord;
import dev.weft.store.Write;
import dev.weft.workflow.WorkflowInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The workflow retry policy: when a run fails or times out and its policy allows another attempt, a
 * new run of the same workflow ID starts after the backoff, with the same input, search attributes
 * and memo, and the attempt counted up. Its writes go in the batch that closes the failed run, so
 * the workflow is never left without a run.
 */
public final class WorkflowRetries {
  private final TimeOrderedIds ids;
  private final RunStarts starts;

  public WorkflowRetries(TimeOrderedIds ids, RunStarts starts) {
    this.ids = ids;
    this.starts = starts;
  }

  /** The run that retries a workflow, and the writes that start it. */
  public record Retry(String newRunId, List<Write> writes) {}

  /**
   * Plans the retry of a run that ended with a failure of {@code failureType}, if its policy allows
   * one and the backoff ends before the workflow's execution deadline.
   */
  public Optional<Retry> plan(
      WorkflowInfo run,
      WorkflowStarted started,
      String failureType,
      boolean nonRetryable,
      Instant now) {
    RetryPolicy policy = started == null ? null : started.retryPolicy();
    if (policy == null) {
      return Optional.empty();
    }
    int attempt = Math.max(1, started.attempt());
    if (!policy.allowsRetry(attempt, failureType, nonRetryable)) {
      return Optional.empty();
    }
    Instant runStart = now.plus(policy.backoff(attempt));
    if (started.executionDeadline() != null && !runStart.isBefore(started.executionDeadline())) {
      return Optional.empty();
    }
    String newRunId = ids.next();
    WorkflowStarted next =
        new WorkflowStarted(
            run.workflowType(),
            run.workflowId(),
            run.taskQueue(),
            started.input(),
            run.runId(),
            started.parent(),
            attempt + 1,
            started.executionDeadline(),
            started.runTimeout(),
            policy,
            started.searchAttributes(),
            started.memo(),
            started.priority(),
            true);
    RunRecord retry =
        RunRecord.started(
            run.namespace(), run.workflowId(), newRunId, run.workflowType(), run.taskQueue(), now);
    List<Write> writes = new ArrayList<>(starts.writes(retry, next, Set.of(), now, runStart));
    writes.add(new Write.EnsureWorkflowTask(newRunId, run.taskQueue(), runStart));
    return Optional.of(new Retry(newRunId, writes));
  }
}
