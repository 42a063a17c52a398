package dev.weft.internal.step;

import dev.weft.internal.codec.ActivitySpec;
import dev.weft.internal.engine.EagerDispatch;
import dev.weft.store.ActivityTaskState;
import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.Store;
import dev.weft.store.TaskKind;
import dev.weft.store.WorkflowTaskRecord;
import java.util.List;

/**
 * The batch that records one workflow task, how many events it appends, and the tasks it leases to
 * this node: activities, and the first workflow task of a run it starts (continue-as-new). The
 * leased tasks hold worker slots: they run after the batch commits, or their slots are given back.
 *
 * @param batch the writes, in the order they apply
 * @param appendedEvents how many history events the batch appends
 * @param appendedBytes the encoded size of those events
 * @param leased the activities leased to this node by the batch
 * @param leasedWorkflowTasks the workflow tasks leased to this node by the batch
 */
public record PreparedCommit(
    Batch batch,
    int appendedEvents,
    long appendedBytes,
    List<LeasedActivity> leased,
    List<WorkflowTaskRecord> leasedWorkflowTasks) {

  /** An activity leased to this node by the batch, with its spec in memory. */
  public record LeasedActivity(ActivityTaskState state, ActivitySpec spec) {}

  /** Gives back the slots of the eagerly leased tasks (the batch did not commit). */
  public void release(EagerDispatch dispatch) {
    leased.forEach(a -> dispatch.release(TaskKind.ACTIVITY, a.state().task().taskQueue()));
    leasedWorkflowTasks.forEach(t -> dispatch.release(TaskKind.WORKFLOW, t.taskQueue()));
  }

  /** Runs the eagerly leased tasks (the batch committed). */
  public void dispatch(EagerDispatch dispatch) {
    leased.forEach(a -> dispatch.run(a.state(), a.spec()));
    leasedWorkflowTasks.forEach(dispatch::run);
  }

  /** Commits the batch; gives the reserved slots back unless it committed. */
  public CommitResult commit(Store store, EagerDispatch dispatch) {
    CommitResult result;
    try {
      result = store.commit(batch).join();
    } catch (RuntimeException e) {
      release(dispatch);
      throw e;
    }
    if (!result.committed()) {
      release(dispatch);
    }
    return result;
  }
}
