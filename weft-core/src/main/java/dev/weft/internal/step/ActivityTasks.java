package dev.weft.internal.step;

import dev.weft.history.EventAttributes.ActivityScheduled;
import dev.weft.internal.codec.ActivitySpec;
import dev.weft.internal.codec.ActivitySpecCodec;
import dev.weft.internal.engine.EagerDispatch;
import dev.weft.internal.engine.FlowControlView;
import dev.weft.internal.engine.StallWatch;
import dev.weft.store.ActivityTaskRecord;
import dev.weft.store.ActivityTaskState;
import dev.weft.store.TaskKind;
import dev.weft.store.TaskLease;
import dev.weft.store.Write;
import dev.weft.workflow.WorkflowInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The task rows of scheduled activities. An activity for a queue this node serves is inserted
 * leased to this node when a slot is free and no pause or limit governs it (eager dispatch): the
 * caller runs it right after the commit, or gives the slot back if the commit lost a race.
 */
public final class ActivityTasks {
  private static final Duration ACTIVITY_FALLBACK_LEASE = Duration.ofMinutes(10);

  private final String nodeId;
  private final FlowControlView flowControl;
  private final EagerDispatch dispatch;
  private final StallWatch stalls;

  /**
   * @param stalls told of the activities not dispatched at once, so that one of a queue or type no
   *     worker of this node serves is watched for a stall
   */
  public ActivityTasks(
      String nodeId, FlowControlView flowControl, EagerDispatch dispatch, StallWatch stalls) {
    this.nodeId = nodeId;
    this.flowControl = flowControl;
    this.dispatch = dispatch;
    this.stalls = stalls;
  }

  /** The task row of a scheduled activity, before its first attempt. */
  static ActivityTaskRecord record(WorkflowInfo run, ActivityScheduled a, Instant now) {
    ActivitySpec spec =
        new ActivitySpec(
            run.namespace(), run.workflowId(), run.taskQueue(), a.input(), a.retryPolicy());
    return new ActivityTaskRecord(
        run.runId(),
        a.seq(),
        a.taskQueue(),
        a.activityType(),
        0,
        now,
        a.scheduleToCloseTimeout() == null ? null : now.plus(a.scheduleToCloseTimeout()),
        a.startToCloseTimeout(),
        a.heartbeatTimeout(),
        ActivitySpecCodec.encode(spec),
        null,
        null,
        RunStarts.scheduling(a.effectivePriority()));
  }

  /**
   * Returns the write that inserts a scheduled activity's task, leased to this node (and added to
   * {@code leased}) when it can run it at once.
   */
  Write insert(
      WorkflowInfo run,
      ActivityScheduled a,
      Instant now,
      List<PreparedCommit.LeasedActivity> leased) {
    ActivityTaskRecord record = record(run, a, now);
    // a task that a pause or a limit governs goes through its queue, whose claims enforce them
    if (flowControl
            .current()
            .governs(a.taskQueue(), a.activityType(), record.scheduling().fairnessKey())
        || !dispatch.tryReserve(TaskKind.ACTIVITY, a.taskQueue(), a.activityType())) {
      stalls.watch(TaskKind.ACTIVITY, a.taskQueue(), a.activityType(), run.runId(), a.seq(), now);
      return new Write.InsertActivityTask(record);
    }
    TaskLease lease =
        new TaskLease(
            nodeId,
            ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE),
            now,
            record.leaseUntil(now, ACTIVITY_FALLBACK_LEASE));
    ActivityTaskRecord firstAttempt =
        new ActivityTaskRecord(
            record.runId(),
            record.seq(),
            record.taskQueue(),
            record.activityType(),
            1,
            record.visibleAt(),
            record.scheduleToCloseDeadline(),
            record.startToCloseTimeout(),
            record.heartbeatTimeout(),
            record.spec(),
            null,
            null,
            record.scheduling());
    leased.add(
        new PreparedCommit.LeasedActivity(
            new ActivityTaskState(firstAttempt, lease.owner(), lease.token(), now, lease.until()),
            new ActivitySpec(
                run.namespace(), run.workflowId(), run.taskQueue(), a.input(), a.retryPolicy())));
    return new Write.InsertActivityTask(record, lease);
  }
}
