package dev.weft.internal.step;

import dev.weft.history.EventAttributes.WorkflowContinuedAsNew;
import dev.weft.history.EventAttributes.WorkflowStarted;
import dev.weft.internal.engine.TimeOrderedIds;
import dev.weft.store.RunRecord;
import dev.weft.store.TaskLease;
import dev.weft.store.WorkflowTaskRecord;
import dev.weft.store.Write;
import dev.weft.workflow.WorkflowInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The run that continues a run (continue-as-new): same workflow ID, type and queue (unless a
 * continue-as-new stub named others), new input and an empty history; its parent, deadlines and
 * retry policy carry over, its attempt starts again at 1. The workflow ID reuse policy does not
 * apply (it is the same workflow).
 */
public final class ContinuedRuns {
  private final TimeOrderedIds ids;
  private final RunStarts starts;
  private final FirstTaskLeases leases;

  public ContinuedRuns(TimeOrderedIds ids, RunStarts starts, FirstTaskLeases leases) {
    this.ids = ids;
    this.starts = starts;
    this.leases = leases;
  }

  /** Returns the run ID of a new continuing run. */
  String newRunId() {
    return ids.next();
  }

  /**
   * Returns the writes that start the run continuing {@code run}; its first workflow task is leased
   * to this node (and added to {@code leasedTasks}) when it can run it at once.
   */
  List<Write> writes(
      WorkflowInfo run,
      WorkflowStarted started,
      String newRunId,
      WorkflowContinuedAsNew command,
      Instant now,
      List<WorkflowTaskRecord> leasedTasks) {
    String type = command.workflowType() != null ? command.workflowType() : run.workflowType();
    String queue = command.taskQueue() != null ? command.taskQueue() : run.taskQueue();
    Duration runTimeout =
        command.runTimeout() != null
            ? command.runTimeout()
            : started == null ? null : started.runTimeout();
    WorkflowStarted next =
        new WorkflowStarted(
            type,
            run.workflowId(),
            queue,
            command.input(),
            run.runId(),
            started == null ? null : started.parent(),
            1,
            started == null ? null : started.executionDeadline(),
            runTimeout,
            started == null ? null : started.retryPolicy(),
            command.searchAttributes(),
            command.memo(),
            started == null ? null : started.priority(),
            true);
    TaskLease lease = leases.tryLease(queue, now);
    if (lease != null) {
      leasedTasks.add(FirstTaskLeases.task(newRunId, queue, lease));
    }
    RunRecord successor =
        RunRecord.started(run.namespace(), run.workflowId(), newRunId, type, queue, now);
    List<Write> writes = new ArrayList<>(starts.writes(successor, next, Set.of(), now, now));
    writes.add(new Write.EnsureWorkflowTask(newRunId, queue, now, lease));
    return writes;
  }
}
