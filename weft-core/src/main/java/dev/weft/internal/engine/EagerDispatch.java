package dev.weft.internal.engine;

import dev.weft.internal.codec.ActivitySpec;
import dev.weft.store.ActivityTaskState;
import dev.weft.store.TaskKind;
import dev.weft.store.WorkflowTaskRecord;

/**
 * This node's worker slots, as seen by the code that creates tasks: a task this node can run at
 * once is inserted already leased to it (eager dispatch) and run right after its commit, without a
 * claim. The worker's dispatcher implements it; the steps and the client that lease tasks only know
 * this.
 *
 * <p>Thread-safe.
 */
public interface EagerDispatch {

  /**
   * Takes a slot to run a task of this kind on this node at once, if this node is started, serves
   * the queue (and, for an activity, its type), has a free slot and is within the queue's resource
   * limits.
   */
  boolean tryReserve(TaskKind kind, String queue, String activityType);

  /** Gives back a slot taken by {@link #tryReserve} that will not be used (the commit failed). */
  void release(TaskKind kind, String queue);

  /** Runs a workflow task whose slot is already taken; the slot is released when it ends. */
  void run(WorkflowTaskRecord task);

  /**
   * Runs an activity attempt whose slot is already taken, with its spec in memory so it is not
   * decoded again.
   */
  void run(ActivityTaskState task, ActivitySpec spec);
}
