package dev.weft.internal.worker;

import dev.weft.converter.Payload;
import dev.weft.history.EventAttributes;
import dev.weft.history.EventAttributes.ActivityCancelRequested;
import dev.weft.history.EventAttributes.ActivityScheduled;
import dev.weft.history.EventAttributes.ChildWorkflowCancelRequested;
import dev.weft.history.EventAttributes.ChildWorkflowStartFailed;
import dev.weft.history.EventAttributes.SearchAttributesUpserted;
import dev.weft.history.EventAttributes.StartChildWorkflowInitiated;
import dev.weft.history.EventAttributes.TimerCanceled;
import dev.weft.history.EventAttributes.TimerStarted;
import dev.weft.history.EventAttributes.UpdateCompleted;
import dev.weft.history.EventAttributes.WorkflowCanceled;
import dev.weft.history.EventAttributes.WorkflowCompleted;
import dev.weft.history.EventAttributes.WorkflowContinuedAsNew;
import dev.weft.history.EventAttributes.WorkflowFailed;
import dev.weft.history.EventAttributes.WorkflowStarted;
import dev.weft.history.EventAttributes.WorkflowTaskCompleted;
import dev.weft.history.Failure;
import dev.weft.internal.engine.ChildWorkflows;
import dev.weft.internal.engine.EngineContext;
import dev.weft.internal.engine.RunStarts;
import dev.weft.internal.engine.UpdateOutcome;
import dev.weft.internal.engine.WorkflowRetries;
import dev.weft.internal.runtime.OpenChild;
import dev.weft.internal.visibility.SearchAttributeCatalog;
import dev.weft.store.ActivityTaskRecord;
import dev.weft.store.ActivityTaskState;
import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.EventRecord;
import dev.weft.store.InboxRecord;
import dev.weft.store.RunRecord;
import dev.weft.store.RunStatus;
import dev.weft.store.Store;
import dev.weft.store.TaskKind;
import dev.weft.store.TaskLease;
import dev.weft.store.TimerRecord;
import dev.weft.store.WorkflowTaskRecord;
import dev.weft.store.Write;
import dev.weft.store.updates.PutUpdateOutcome;
import dev.weft.workflow.WorkflowInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Turns what one workflow task did into the one transaction that records it: the events it consumed
 * and the command events, appended to history (guarded by the run's next event ID), the activity
 * tasks, timers and status they imply, and the end of the task itself.
 *
 * <p>Activities for queues this node serves are inserted leased to this node when a slot is free
 * (eager dispatch): the caller runs them right after the commit, or gives the slots back if the
 * commit lost a race.
 */
final class WorkflowTaskCommit {
  private static final Duration ACTIVITY_FALLBACK_LEASE = Duration.ofMinutes(10);

  private WorkflowTaskCommit() {}

  /** An activity leased to this node by the batch, with its spec in memory. */
  record LeasedActivity(ActivityTaskState state, ActivitySpec spec) {}

  /**
   * The batch, how many events it appends, and the tasks leased to this node by it: activities, and
   * the first workflow task of a run it starts (continue-as-new).
   */
  record Prepared(
      Batch batch,
      int appendedEvents,
      long appendedBytes,
      List<LeasedActivity> leased,
      List<WorkflowTaskRecord> leasedWorkflowTasks) {

    /** Gives back the slots of the eagerly leased tasks (the batch did not commit). */
    void release(Dispatcher dispatcher) {
      leased.forEach(a -> dispatcher.release(TaskKind.ACTIVITY, a.state().task().taskQueue()));
      leasedWorkflowTasks.forEach(t -> dispatcher.release(TaskKind.WORKFLOW, t.taskQueue()));
    }

    /** Runs the eagerly leased tasks (the batch committed). */
    void dispatch(Dispatcher dispatcher) {
      leased.forEach(a -> dispatcher.run(a.state(), a.spec()));
      leasedWorkflowTasks.forEach(dispatcher::run);
    }

    /** Commits the batch; gives the reserved slots back unless it committed. */
    CommitResult commit(Store store, Dispatcher dispatcher) {
      CommitResult result;
      try {
        result = store.commit(batch).join();
      } catch (RuntimeException e) {
        release(dispatcher);
        throw e;
      }
      if (!result.committed()) {
        release(dispatcher);
      }
      return result;
    }
  }

  /**
   * The commit of a claimed workflow task that consumed the run's inbox.
   *
   * @param inboxEvents the inbox events as history records them, one per inbox row: null for a row
   *     that leaves no history (a rejected update)
   * @param rejectedUpdates the updates the task rejected, with why
   */
  static Prepared forTask(
      EngineContext ctx,
      Dispatcher dispatcher,
      WorkflowInfo run,
      WorkflowStarted started,
      List<OpenChild> openChildren,
      long nextEventId,
      WorkflowTaskRecord task,
      List<InboxRecord> inbox,
      List<EventAttributes> inboxEvents,
      Map<String, Failure> rejectedUpdates,
      List<EventAttributes> commands,
      Instant now) {
    List<EventRecord> events = new ArrayList<>(inboxEvents.size() + commands.size() + 1);
    long id = nextEventId;
    for (int i = 0; i < inboxEvents.size(); i++) {
      if (inboxEvents.get(i) != null) {
        events.add(ctx.record(id++, inbox.get(i).time(), inboxEvents.get(i)));
      }
    }
    if (events.isEmpty() && commands.isEmpty() && !rejectedUpdates.isEmpty()) {
      return rejectionsOnly(ctx, run, task, inbox, rejectedUpdates, now);
    }
    long consumed = inbox.isEmpty() ? 0 : inbox.get(inbox.size() - 1).inboxId();
    List<Write> end = new ArrayList<>(2 + rejectedUpdates.size());
    rejectedUpdates.forEach(
        (updateId, why) ->
            end.add(
                new PutUpdateOutcome(
                    run.runId(),
                    updateId,
                    ctx.codec()
                        .encodeValue(new UpdateOutcome(UpdateOutcome.REJECTED, null, why)))));
    if (!inbox.isEmpty()) {
      end.add(new Write.DeleteInbox(run.runId(), consumed));
    }
    end.add(
        new Write.CompleteWorkflowTask(
            run.runId(), task.taskQueue(), task.leaseToken(), consumed, now));
    return build(
        ctx,
        dispatcher,
        run,
        started,
        openChildren,
        nextEventId,
        events,
        List.of(),
        end,
        consumed,
        commands,
        now);
  }

  /**
   * The commit of a task that only rejected updates: their outcomes, the inbox consumed, the task
   * completed, and nothing in history (rejected updates leave no trace there).
   */
  private static Prepared rejectionsOnly(
      EngineContext ctx,
      WorkflowInfo run,
      WorkflowTaskRecord task,
      List<InboxRecord> inbox,
      Map<String, Failure> rejectedUpdates,
      Instant now) {
    long consumed = inbox.get(inbox.size() - 1).inboxId();
    Batch.Builder batch = Batch.builder();
    rejectedUpdates.forEach(
        (updateId, why) ->
            batch.add(
                new PutUpdateOutcome(
                    run.runId(),
                    updateId,
                    ctx.codec()
                        .encodeValue(new UpdateOutcome(UpdateOutcome.REJECTED, null, why)))));
    batch.add(new Write.DeleteInbox(run.runId(), consumed));
    batch.add(
        new Write.CompleteWorkflowTask(
            run.runId(), task.taskQueue(), task.leaseToken(), consumed, now));
    return new Prepared(batch.build(), 0, 0, List.of(), List.of());
  }

  /**
   * The commit of a workflow task run where an event happened (eager): the event's own writes
   * (completing the activity, deleting the fired timer), the event and the task in one batch. A run
   * that closes must not have inbox events it did not see, so it closes only if its inbox is empty.
   */
  static Prepared forEvent(
      EngineContext ctx,
      Dispatcher dispatcher,
      WorkflowInfo run,
      WorkflowStarted started,
      List<OpenChild> openChildren,
      long nextEventId,
      EventAttributes event,
      Instant eventTime,
      List<Write> eventWrites,
      List<EventAttributes> commands,
      Instant now) {
    List<EventRecord> events = new ArrayList<>(commands.size() + 2);
    events.add(ctx.record(nextEventId, eventTime, event));
    return build(
        ctx,
        dispatcher,
        run,
        started,
        openChildren,
        nextEventId,
        events,
        eventWrites,
        List.of(),
        0,
        commands,
        now);
  }

  private static Prepared build(
      EngineContext ctx,
      Dispatcher dispatcher,
      WorkflowInfo run,
      WorkflowStarted started,
      List<OpenChild> openChildren,
      long nextEventId,
      List<EventRecord> events,
      List<Write> before,
      List<Write> end,
      long consumedInboxId,
      List<EventAttributes> commands,
      Instant now) {
    long id = nextEventId + events.size();
    events.add(ctx.record(id++, now, new WorkflowTaskCompleted(ctx.nodeId())));
    List<Write> effects = new ArrayList<>(commands.size());
    List<LeasedActivity> leased = new ArrayList<>(0);
    List<WorkflowTaskRecord> leasedTasks = new ArrayList<>(0);
    List<Write> successor = List.of();
    List<Write> children = new ArrayList<>(0);
    List<ChildWorkflowStartFailed> childStartFailures = new ArrayList<>(0);
    Map<String, ChildWorkflows.StartedChild> startedChildren = new HashMap<>();
    RunStatus closeStatus = null;
    for (EventAttributes original : commands) {
      EventAttributes command = original;
      if (command instanceof StartChildWorkflowInitiated c) {
        ChildWorkflows.ChildStart start = ChildWorkflows.start(ctx, run, c, startedChildren, now);
        command = start.command();
        children.addAll(start.writes());
        if (start.failed() != null) {
          childStartFailures.add(start.failed());
        } else {
          startedChildren.put(
              c.workflowId(),
              new ChildWorkflows.StartedChild(start.command().runId(), c.taskQueue()));
        }
      } else if (command instanceof ChildWorkflowCancelRequested c) {
        children.addAll(
            ChildWorkflows.requestCancel(
                ctx,
                run,
                c.workflowId(),
                startedChildren,
                "cancelled by its parent workflow '"
                    + run.workflowId()
                    + "' (run "
                    + run.runId()
                    + ")",
                now));
      } else if (command instanceof WorkflowContinuedAsNew c) {
        String newRunId = ctx.ids().next();
        command = new WorkflowContinuedAsNew(newRunId, c.input(), c.searchAttributes(), c.memo());
        successor = continuedRun(ctx, dispatcher, run, started, newRunId, c, now, leasedTasks);
        closeStatus = RunStatus.CONTINUED_AS_NEW;
      } else if (command instanceof WorkflowFailed f && f.newRunId() == null) {
        Optional<WorkflowRetries.Retry> retry =
            WorkflowRetries.plan(
                ctx, run, started, f.failure().type(), f.failure().nonRetryable(), now);
        if (retry.isPresent()) {
          command = new WorkflowFailed(f.failure(), retry.get().newRunId());
          successor = retry.get().writes();
        }
      }
      events.add(ctx.record(id++, now, command));
      switch (command) {
        case ActivityScheduled a -> effects.add(activityTask(ctx, dispatcher, run, a, now, leased));
        case ActivityCancelRequested c ->
            effects.add(new Write.DeleteActivityTask(run.runId(), c.seq()));
        case TimerStarted t ->
            effects.add(new Write.InsertTimer(new TimerRecord(run.runId(), t.seq(), t.fireAt())));
        case TimerCanceled t -> effects.add(new Write.DeleteTimer(run.runId(), t.seq(), false));
        case UpdateCompleted u ->
            effects.add(
                new PutUpdateOutcome(
                    run.runId(),
                    u.updateId(),
                    ctx.codec()
                        .encodeValue(
                            new UpdateOutcome(
                                u.failure() == null
                                    ? UpdateOutcome.COMPLETED
                                    : UpdateOutcome.FAILED,
                                u.result(),
                                u.failure()))));
        case SearchAttributesUpserted u ->
            effects.add(
                new Write.UpsertSearchAttributes(
                    run.runId(),
                    SearchAttributeCatalog.toStore(u.values()),
                    Set.copyOf(u.removed())));
        case WorkflowCompleted c -> closeStatus = RunStatus.COMPLETED;
        case WorkflowFailed f -> closeStatus = RunStatus.FAILED;
        case WorkflowCanceled c -> closeStatus = RunStatus.CANCELED;
        default -> {
          // markers change nothing but history
        }
      }
    }
    Batch.Builder batch = Batch.builder();
    batch.addAll(before);
    batch.add(new Write.AppendEvents(run.runId(), nextEventId, events));
    batch.addAll(effects);
    batch.addAll(children);
    if (closeStatus == null) {
      for (ChildWorkflowStartFailed failed : childStartFailures) {
        batch.add(
            new Write.InsertInbox(
                run.runId(), "ChildWorkflowStartFailed", now, ctx.codec().encode(failed)));
        batch.add(new Write.EnsureWorkflowTask(run.runId(), run.taskQueue(), now));
      }
    }
    batch.addAll(end);
    if (closeStatus != null) {
      batch.add(new Write.CloseRun(run.runId(), closeStatus, now, consumedInboxId));
      batch.add(new Write.DeleteRunTasks(run.runId()));
      batch.addAll(successor);
      batch.addAll(ChildWorkflows.onParentClose(ctx, run, openChildren, startedChildren, now));
      if (successor.isEmpty()) {
        batch.addAll(notifyParent(ctx, run, started, closeStatus, events, now));
      }
    }
    long bytes = 0;
    for (EventRecord e : events) {
      bytes += e.data().length;
    }
    return new Prepared(batch.build(), events.size(), bytes, leased, leasedTasks);
  }

  /** Tells the parent (if any) how this run ended, from the closing command just recorded. */
  private static List<Write> notifyParent(
      EngineContext ctx,
      WorkflowInfo run,
      WorkflowStarted started,
      RunStatus status,
      List<EventRecord> events,
      Instant now) {
    if (started == null || started.parent() == null) {
      return List.of();
    }
    EventAttributes closing = ctx.codec().decode(events.get(events.size() - 1).data());
    Payload result = closing instanceof WorkflowCompleted c ? c.result() : null;
    Failure failure =
        switch (closing) {
          case WorkflowFailed f -> f.failure();
          case WorkflowCanceled c ->
              new Failure(
                  Failure.CANCELED,
                  "Canceled",
                  c.details() == null ? "workflow cancelled" : c.details(),
                  "",
                  false,
                  0,
                  0,
                  null);
          default -> null;
        };
    return ChildWorkflows.notifyParent(
        ctx, started, run.workflowId(), run.runId(), status, result, failure, now);
  }

  /**
   * The writes that start the run continuing {@code run}: same workflow ID, type and queue, new
   * input and an empty history; its parent, deadlines and retry policy carry over, its attempt
   * starts again at 1. The workflow ID reuse policy does not apply (it is the same workflow).
   */
  private static List<Write> continuedRun(
      EngineContext ctx,
      Dispatcher dispatcher,
      WorkflowInfo run,
      WorkflowStarted started,
      String newRunId,
      WorkflowContinuedAsNew command,
      Instant now,
      List<WorkflowTaskRecord> leasedTasks) {
    WorkflowStarted next =
        new WorkflowStarted(
            run.workflowType(),
            run.workflowId(),
            run.taskQueue(),
            command.input(),
            run.runId(),
            started == null ? null : started.parent(),
            1,
            started == null ? null : started.executionDeadline(),
            started == null ? null : started.runTimeout(),
            started == null ? null : started.retryPolicy(),
            command.searchAttributes(),
            command.memo(),
            started == null ? null : started.priority());
    TaskLease lease = null;
    if (!ctx.flowControl().current().isPaused(run.taskQueue())
        && dispatcher.tryReserve(TaskKind.WORKFLOW, run.taskQueue(), null)) {
      lease =
          new TaskLease(
              ctx.nodeId(),
              ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE),
              now,
              now.plus(ctx.workflowTaskLease()));
      leasedTasks.add(
          new WorkflowTaskRecord(
              newRunId, run.taskQueue(), lease.until(), 1, null, lease.owner(), lease.token()));
    }
    RunRecord successor =
        RunRecord.started(
            run.namespace(), run.workflowId(), newRunId, run.workflowType(), run.taskQueue(), now);
    List<Write> writes =
        new ArrayList<>(RunStarts.writes(ctx, successor, next, Set.of(), now, now));
    writes.add(new Write.EnsureWorkflowTask(newRunId, run.taskQueue(), now, lease));
    return writes;
  }

  /** The task row of a scheduled activity, before its first attempt. */
  static ActivityTaskRecord activityRecord(WorkflowInfo run, ActivityScheduled a, Instant now) {
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

  private static Write activityTask(
      EngineContext ctx,
      Dispatcher dispatcher,
      WorkflowInfo run,
      ActivityScheduled a,
      Instant now,
      List<LeasedActivity> leased) {
    ActivityTaskRecord record = activityRecord(run, a, now);
    // a task that a pause or a limit governs goes through its queue, whose claims enforce them
    if (ctx.flowControl()
            .current()
            .governs(a.taskQueue(), a.activityType(), record.scheduling().fairnessKey())
        || !dispatcher.tryReserve(TaskKind.ACTIVITY, a.taskQueue(), a.activityType())) {
      return new Write.InsertActivityTask(record);
    }
    TaskLease lease =
        new TaskLease(
            ctx.nodeId(),
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
        new LeasedActivity(
            new ActivityTaskState(firstAttempt, lease.owner(), lease.token(), now, lease.until()),
            new ActivitySpec(
                run.namespace(), run.workflowId(), run.taskQueue(), a.input(), a.retryPolicy())));
    return new Write.InsertActivityTask(record, lease);
  }
}
