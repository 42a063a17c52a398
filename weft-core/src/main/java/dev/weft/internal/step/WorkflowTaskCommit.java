package dev.weft.internal.step;

import dev.weft.common.WorkflowStatus;
import dev.weft.history.EventAttributes;
import dev.weft.history.EventAttributes.ActivityCancelRequested;
import dev.weft.history.EventAttributes.ActivityScheduled;
import dev.weft.history.EventAttributes.ChildWorkflowCancelRequested;
import dev.weft.history.EventAttributes.ChildWorkflowStartFailed;
import dev.weft.history.EventAttributes.RequestCancelExternalWorkflowInitiated;
import dev.weft.history.EventAttributes.SearchAttributesUpserted;
import dev.weft.history.EventAttributes.SignalExternalWorkflowInitiated;
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
import dev.weft.internal.codec.EventCodec;
import dev.weft.internal.codec.EventRecords;
import dev.weft.internal.runtime.OpenChild;
import dev.weft.internal.visibility.SearchAttributeCatalog;
import dev.weft.store.Batch;
import dev.weft.store.EventRecord;
import dev.weft.store.InboxRecord;
import dev.weft.store.TimerRecord;
import dev.weft.store.WorkflowTaskRecord;
import dev.weft.store.Write;
import dev.weft.store.updates.PutUpdateOutcome;
import dev.weft.workflow.WorkflowInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns what one workflow task did into the one transaction that records it: the events it consumed
 * and the command events, appended to history (guarded by the run's next event ID), the activity
 * tasks, timers and status they imply, and the end of the task itself.
 *
 * <p>Activities for queues this node serves are inserted leased to this node when a slot is free
 * (eager dispatch): the caller runs them right after the commit, or gives the slots back if the
 * commit lost a race.
 */
public final class WorkflowTaskCommit {
  private final EventRecords records;
  private final EventCodec codec;
  private final String nodeId;
  private final ChildStarts childStarts;
  private final ChildWorkflows children;
  private final WorkflowRetries retries;
  private final ActivityTasks activities;
  private final ContinuedRuns continuedRuns;
  private final ExternalWorkflows externals;

  /**
   * @param nodeId this node's name in the task boundaries it records
   */
  public WorkflowTaskCommit(
      EventRecords records,
      EventCodec codec,
      String nodeId,
      ChildStarts childStarts,
      ChildWorkflows children,
      WorkflowRetries retries,
      ActivityTasks activities,
      ContinuedRuns continuedRuns,
      ExternalWorkflows externals) {
    this.records = records;
    this.codec = codec;
    this.nodeId = nodeId;
    this.childStarts = childStarts;
    this.children = children;
    this.retries = retries;
    this.activities = activities;
    this.continuedRuns = continuedRuns;
    this.externals = externals;
  }

  /**
   * The commit of a claimed workflow task that consumed the run's inbox.
   *
   * @param inboxEvents the inbox events as history records them, one per inbox row: null for a row
   *     that leaves no history (a rejected update)
   * @param rejectedUpdates the updates the task rejected, with why
   */
  public PreparedCommit forTask(
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
        events.add(records.record(id++, inbox.get(i).time(), inboxEvents.get(i)));
      }
    }
    if (events.isEmpty() && commands.isEmpty() && !rejectedUpdates.isEmpty()) {
      return rejectionsOnly(run, task, inbox, rejectedUpdates, now);
    }
    long consumed = inbox.isEmpty() ? 0 : inbox.get(inbox.size() - 1).inboxId();
    List<Write> end = new ArrayList<>(2 + rejectedUpdates.size());
    rejectedUpdates.forEach(
        (updateId, why) ->
            end.add(
                new PutUpdateOutcome(
                    run.runId(),
                    updateId,
                    codec.encodeValue(new UpdateOutcome(UpdateOutcome.REJECTED, null, why)))));
    if (!inbox.isEmpty()) {
      end.add(new Write.DeleteInbox(run.runId(), consumed));
    }
    end.add(
        new Write.CompleteWorkflowTask(
            run.runId(), task.taskQueue(), task.leaseToken(), consumed, now));
    return build(
        run, started, openChildren, nextEventId, events, List.of(), end, consumed, commands, now);
  }

  /**
   * The commit of a task that only rejected updates: their outcomes, the inbox consumed, the task
   * completed, and nothing in history (rejected updates leave no trace there).
   */
  private PreparedCommit rejectionsOnly(
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
                    codec.encodeValue(new UpdateOutcome(UpdateOutcome.REJECTED, null, why)))));
    batch.add(new Write.DeleteInbox(run.runId(), consumed));
    batch.add(
        new Write.CompleteWorkflowTask(
            run.runId(), task.taskQueue(), task.leaseToken(), consumed, now));
    return new PreparedCommit(batch.build(), 0, 0, List.of(), List.of());
  }

  /**
   * The commit of a workflow task run where events happened (eager): the events' own writes
   * (completing the activities, deleting the fired timer), the events in their order and the task
   * in one batch. A run that closes must not have inbox events it did not see, so it closes only if
   * its inbox is empty.
   */
  public PreparedCommit forEvents(
      WorkflowInfo run,
      WorkflowStarted started,
      List<OpenChild> openChildren,
      long nextEventId,
      List<EventAttributes> happened,
      Instant eventTime,
      List<Write> eventWrites,
      List<EventAttributes> commands,
      Instant now) {
    List<EventRecord> events = new ArrayList<>(commands.size() + happened.size() + 1);
    long id = nextEventId;
    for (EventAttributes event : happened) {
      events.add(records.record(id++, eventTime, event));
    }
    return build(
        run, started, openChildren, nextEventId, events, eventWrites, List.of(), 0, commands, now);
  }

  private PreparedCommit build(
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
    events.add(records.record(id++, now, new WorkflowTaskCompleted(nodeId)));
    List<Write> effects = new ArrayList<>(commands.size());
    List<PreparedCommit.LeasedActivity> leased = new ArrayList<>(0);
    List<WorkflowTaskRecord> leasedTasks = new ArrayList<>(0);
    List<Write> successor = List.of();
    List<Write> childWrites = new ArrayList<>(0);
    List<ChildWorkflowStartFailed> childStartFailures = new ArrayList<>(0);
    Map<String, ChildWorkflows.StartedChild> startedChildren = new HashMap<>();
    WorkflowStatus closeStatus = null;
    List<EventAttributes> externalAnswers = new ArrayList<>(0);
    boolean closes = !commands.isEmpty() && closesRun(commands.get(commands.size() - 1));
    for (EventAttributes original : commands) {
      EventAttributes command = original;
      if (command instanceof StartChildWorkflowInitiated c) {
        ChildStarts.ChildStart start = childStarts.start(run, c, startedChildren, now);
        command = start.command();
        childWrites.addAll(start.writes());
        if (start.failed() != null) {
          childStartFailures.add(start.failed());
        } else {
          startedChildren.put(
              c.workflowId(),
              new ChildWorkflows.StartedChild(start.command().runId(), c.taskQueue()));
        }
      } else if (command instanceof ChildWorkflowCancelRequested c) {
        childWrites.addAll(
            children.requestCancel(
                run,
                c.workflowId(),
                startedChildren,
                "cancelled by its parent workflow '"
                    + run.workflowId()
                    + "' (run "
                    + run.runId()
                    + ")",
                now));
      } else if (command instanceof SignalExternalWorkflowInitiated c) {
        ExternalWorkflows.Delivery d = externals.signal(run, c, startedChildren, closes, now);
        childWrites.addAll(d.writes());
        externalAnswers.add(d.answer());
      } else if (command instanceof RequestCancelExternalWorkflowInitiated c) {
        ExternalWorkflows.Delivery d = externals.cancel(run, c, startedChildren, closes, now);
        childWrites.addAll(d.writes());
        externalAnswers.add(d.answer());
      } else if (command instanceof WorkflowContinuedAsNew c) {
        String newRunId = continuedRuns.newRunId();
        command = c.withNewRunId(newRunId);
        successor = continuedRuns.writes(run, started, newRunId, c, now, leasedTasks);
        closeStatus = WorkflowStatus.CONTINUED_AS_NEW;
      } else if (command instanceof WorkflowFailed f && f.newRunId() == null) {
        Optional<WorkflowRetries.Retry> retry =
            retries.plan(run, started, f.failure().type(), f.failure().nonRetryable(), now);
        if (retry.isPresent()) {
          command = new WorkflowFailed(f.failure(), retry.get().newRunId());
          successor = retry.get().writes();
        }
      }
      events.add(records.record(id++, now, command));
      switch (command) {
        case ActivityScheduled a -> effects.add(activities.insert(run, a, now, leased));
        case ActivityCancelRequested c when c.waitForCompletion() && !closes ->
            effects.add(requestActivityCancel(run, c.seq(), now));
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
                    codec.encodeValue(
                        new UpdateOutcome(
                            u.failure() == null ? UpdateOutcome.COMPLETED : UpdateOutcome.FAILED,
                            u.result(),
                            u.failure()))));
        case SearchAttributesUpserted u ->
            effects.add(
                new Write.UpsertSearchAttributes(
                    run.runId(),
                    SearchAttributeCatalog.toStore(u.values()),
                    Set.copyOf(u.removed())));
        case WorkflowCompleted c -> closeStatus = WorkflowStatus.COMPLETED;
        case WorkflowFailed f -> closeStatus = WorkflowStatus.FAILED;
        case WorkflowCanceled c -> closeStatus = WorkflowStatus.CANCELED;
        default -> {
          // markers change nothing but history
        }
      }
    }
    Batch.Builder batch = Batch.builder();
    batch.addAll(before);
    batch.add(new Write.AppendEvents(run.runId(), nextEventId, events));
    batch.addAll(effects);
    batch.addAll(childWrites);
    if (closeStatus == null) {
      for (ChildWorkflowStartFailed failed : childStartFailures) {
        batch.add(
            new Write.InsertInbox(
                run.runId(), "ChildWorkflowStartFailed", now, codec.encode(failed)));
        batch.add(new Write.EnsureWorkflowTask(run.runId(), run.taskQueue(), now));
      }
      for (EventAttributes answer : externalAnswers) {
        batch.add(
            new Write.InsertInbox(
                run.runId(), answer.getClass().getSimpleName(), now, codec.encode(answer)));
      }
      if (!externalAnswers.isEmpty()) {
        batch.add(new Write.EnsureWorkflowTask(run.runId(), run.taskQueue(), now));
      }
    }
    batch.addAll(end);
    if (closeStatus != null) {
      batch.add(new Write.CloseRun(run.runId(), closeStatus, now, consumedInboxId));
      batch.add(new Write.DeleteRunTasks(run.runId()));
      batch.addAll(successor);
      batch.addAll(children.onParentClose(run, openChildren, startedChildren, now));
      if (successor.isEmpty()) {
        batch.addAll(
            children.notifyParentOfClose(
                run, started, closeStatus, events.get(events.size() - 1), now));
      }
    }
    long bytes = 0;
    for (EventRecord e : events) {
      bytes += e.data().length;
    }
    return new PreparedCommit(batch.build(), events.size(), bytes, leased, leasedTasks);
  }

  /** The closing command is the task's last (later commands are dropped). */
  private static boolean closesRun(EventAttributes command) {
    return command instanceof WorkflowCompleted
        || command instanceof WorkflowFailed
        || command instanceof WorkflowCanceled
        || command instanceof WorkflowContinuedAsNew;
  }

  /**
   * The cancel of an activity the code waits for: its running attempt is told (its task is kept for
   * the attempt's outcome); a task no attempt holds ends here, and its {@code ActivityCanceled}
   * goes to the inbox, for the next workflow task.
   */
  private Write requestActivityCancel(WorkflowInfo run, long seq, Instant now) {
    EventAttributes canceled = new EventAttributes.ActivityCanceled(seq, 0);
    return new Write.RequestActivityCancel(
        run.runId(),
        seq,
        List.of(
            new Write.InsertInbox(run.runId(), "ActivityCanceled", now, codec.encode(canceled)),
            new Write.EnsureWorkflowTask(run.runId(), run.taskQueue(), now)));
  }
}
