package dev.weft.internal.step;

import dev.weft.internal.engine.EagerDispatch;
import dev.weft.internal.engine.FlowControlView;
import dev.weft.store.TaskKind;
import dev.weft.store.TaskLease;
import dev.weft.store.WorkflowTaskRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Leases the first workflow task of a new run to this node when it can run it at once (a client
 * start, continue-as-new): the task is inserted leased and run right after the commit, without a
 * claim. A paused queue or a full worker gets no lease; the task then goes through its queue.
 */
public final class FirstTaskLeases {
  private final String nodeId;
  private final Duration workflowTaskLease;
  private final FlowControlView flowControl;
  private final EagerDispatch dispatch;

  public FirstTaskLeases(
      String nodeId,
      Duration workflowTaskLease,
      FlowControlView flowControl,
      EagerDispatch dispatch) {
    this.nodeId = nodeId;
    this.workflowTaskLease = workflowTaskLease;
    this.flowControl = flowControl;
    this.dispatch = dispatch;
  }

  /** Takes a worker slot and returns the lease of the first task, or null if it cannot run here. */
  public TaskLease tryLease(String queue, Instant now) {
    if (flowControl.current().isPaused(queue)
        || !dispatch.tryReserve(TaskKind.WORKFLOW, queue, null)) {
      return null;
    }
    return new TaskLease(
        nodeId,
        ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE),
        now,
        now.plus(workflowTaskLease));
  }

  /** Gives the slot of a lease back (its commit failed). */
  public void release(String queue) {
    dispatch.release(TaskKind.WORKFLOW, queue);
  }

  /** Runs the leased first task of a run (its commit succeeded). */
  public void run(String runId, String queue, TaskLease lease) {
    dispatch.run(task(runId, queue, lease));
  }

  /** The row of a leased first task, as a claim would have returned it. */
  static WorkflowTaskRecord task(String runId, String queue, TaskLease lease) {
    return new WorkflowTaskRecord(
        runId, queue, lease.until(), 1, null, lease.owner(), lease.token());
  }
}
