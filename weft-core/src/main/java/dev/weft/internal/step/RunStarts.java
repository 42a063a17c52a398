package dev.weft.internal.step;

import dev.weft.client.WorkflowIdReusePolicy;
import dev.weft.common.Priority;
import dev.weft.common.WorkflowStatus;
import dev.weft.history.EventAttributes.WorkflowStarted;
import dev.weft.internal.codec.EventCodec;
import dev.weft.internal.codec.EventRecords;
import dev.weft.internal.engine.StallWatch;
import dev.weft.internal.visibility.SearchAttributeCatalog;
import dev.weft.store.RunRecord;
import dev.weft.store.TaskKind;
import dev.weft.store.TaskScheduling;
import dev.weft.store.TimerRecord;
import dev.weft.store.Write;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What every new run writes, whoever starts it (a client, continue-as-new, a workflow retry, a
 * parent): its row, its {@code WorkflowStarted} event, its search attributes and memo, and the
 * timer of its deadline. The caller adds the first workflow task (it may lease it to this node).
 */
public final class RunStarts {
  /**
   * The sequence number of the timer that ends a run at its deadline (run or execution timeout).
   * Commands number from 1, so no timer of the code uses it.
   */
  public static final long DEADLINE_TIMER_SEQ = 0;

  private final EventRecords events;
  private final EventCodec codec;
  private final StallWatch stalls;

  /**
   * @param stalls told of every new run, so that a run of a queue or type no worker of this node
   *     serves is watched for a stall
   */
  public RunStarts(EventRecords events, EventCodec codec, StallWatch stalls) {
    this.events = events;
    this.codec = codec;
    this.stalls = stalls;
  }

  /**
   * Returns the writes that start {@code run} with {@code started} as its first event.
   *
   * @param conflicting the statuses of an earlier run with the same workflow ID that make the
   *     insert conflict (the ID reuse policy)
   * @param now when the run is written
   * @param runStart when its first workflow task is due (later than {@code now} for a retry after a
   *     backoff): its run timeout counts from there
   */
  public List<Write> writes(
      RunRecord run,
      WorkflowStarted started,
      Set<WorkflowStatus> conflicting,
      Instant now,
      Instant runStart) {
    stalls.watch(TaskKind.WORKFLOW, run.taskQueue(), run.workflowType(), run.runId(), 0, runStart);
    List<Write> writes = new ArrayList<>(5);
    writes.add(new Write.InsertRun(run, conflicting, scheduling(started.effectivePriority())));
    writes.add(new Write.AppendEvents(run.runId(), 1, List.of(events.record(1, now, started))));
    if (!started.searchAttributes().isEmpty()) {
      writes.add(
          new Write.UpsertSearchAttributes(
              run.runId(), SearchAttributeCatalog.toStore(started.searchAttributes())));
    }
    if (started.memo() != null) {
      writes.add(new Write.SetMemo(run.runId(), codec.encodeValue(started.memo())));
    }
    Instant deadline = deadline(started, runStart);
    if (deadline != null) {
      writes.add(new Write.InsertTimer(new TimerRecord(run.runId(), DEADLINE_TIMER_SEQ, deadline)));
    }
    return writes;
  }

  /** The store's form of a resolved priority. */
  public static TaskScheduling scheduling(Priority priority) {
    Priority p = priority.resolve(null);
    return new TaskScheduling(p.priority(), p.fairnessKey(), p.fairnessWeight());
  }

  /** Returns the statuses of earlier runs with the same workflow ID that forbid a new start. */
  public static Set<WorkflowStatus> conflictingStatuses(WorkflowIdReusePolicy policy) {
    return switch (policy) {
      case ALLOW_DUPLICATE -> EnumSet.of(WorkflowStatus.RUNNING);
      case ALLOW_DUPLICATE_FAILED_ONLY ->
          EnumSet.of(WorkflowStatus.RUNNING, WorkflowStatus.COMPLETED);
      case REJECT_DUPLICATE -> EnumSet.allOf(WorkflowStatus.class);
    };
  }

  /**
   * Returns when a run that started at {@code runStart} times out: the earlier of its run timeout
   * and the workflow's execution deadline; null if neither is set.
   */
  public static Instant deadline(WorkflowStarted started, Instant runStart) {
    Instant deadline = started.executionDeadline();
    if (started.runTimeout() != null) {
      Instant byRun = runStart.plus(started.runTimeout());
      if (deadline == null || byRun.isBefore(deadline)) {
        deadline = byRun;
      }
    }
    return deadline;
  }

  /** Returns whether the deadline of a run is its execution deadline (not its run timeout). */
  public static boolean isExecutionDeadline(WorkflowStarted started, Instant deadline) {
    return started.executionDeadline() != null && !deadline.isBefore(started.executionDeadline());
  }
}
