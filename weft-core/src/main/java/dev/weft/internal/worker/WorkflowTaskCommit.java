package dev.weft.internal.worker;

import dev.weft.history.EventAttributes;
import dev.weft.history.EventAttributes.ActivityCancelRequested;
import dev.weft.history.EventAttributes.ActivityScheduled;
import dev.weft.history.EventAttributes.TimerCanceled;
import dev.weft.history.EventAttributes.TimerStarted;
import dev.weft.history.EventAttributes.WorkflowCanceled;
import dev.weft.history.EventAttributes.WorkflowCompleted;
import dev.weft.history.EventAttributes.WorkflowFailed;
import dev.weft.history.EventAttributes.WorkflowTaskCompleted;
import dev.weft.internal.engine.EngineContext;
import dev.weft.store.ActivityTaskRecord;
import dev.weft.store.Batch;
import dev.weft.store.EventRecord;
import dev.weft.store.InboxRecord;
import dev.weft.store.RunRecord;
import dev.weft.store.RunStatus;
import dev.weft.store.TimerRecord;
import dev.weft.store.WorkflowTaskRecord;
import dev.weft.store.Write;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns what one workflow task did into the one transaction that records it: the consumed inbox
 * events and the command events appended to history (guarded by the run's next event ID), the
 * activity tasks, timers and status they imply, and the completion of the task itself.
 */
final class WorkflowTaskCommit {
  private WorkflowTaskCommit() {}

  /** The batch and how many events it appends. */
  record Prepared(Batch batch, int appendedEvents) {}

  static Prepared build(
      EngineContext ctx,
      RunRecord run,
      WorkflowTaskRecord task,
      List<InboxRecord> inbox,
      List<EventAttributes> inboxEvents,
      List<EventAttributes> commands,
      Instant now) {
    long id = run.nextEventId();
    List<EventRecord> events = new ArrayList<>(inboxEvents.size() + commands.size() + 1);
    for (int i = 0; i < inboxEvents.size(); i++) {
      events.add(ctx.record(id++, inbox.get(i).time(), inboxEvents.get(i)));
    }
    events.add(ctx.record(id++, now, new WorkflowTaskCompleted(ctx.nodeId())));
    List<Write> effects = new ArrayList<>();
    RunStatus closeStatus = null;
    for (EventAttributes command : commands) {
      events.add(ctx.record(id++, now, command));
      switch (command) {
        case ActivityScheduled a ->
            effects.add(new Write.InsertActivityTask(activityTask(ctx, run, a, now)));
        case ActivityCancelRequested c ->
            effects.add(new Write.DeleteActivityTask(run.runId(), c.seq()));
        case TimerStarted t ->
            effects.add(new Write.InsertTimer(new TimerRecord(run.runId(), t.seq(), t.fireAt())));
        case TimerCanceled t -> effects.add(new Write.DeleteTimer(run.runId(), t.seq(), false));
        case WorkflowCompleted c -> closeStatus = RunStatus.COMPLETED;
        case WorkflowFailed f -> closeStatus = RunStatus.FAILED;
        case WorkflowCanceled c -> closeStatus = RunStatus.CANCELED;
        default -> {
          // markers change nothing but history
        }
      }
    }
    long consumed = inbox.isEmpty() ? 0 : inbox.get(inbox.size() - 1).inboxId();
    Batch.Builder batch = Batch.builder();
    batch.add(new Write.AppendEvents(run.runId(), run.nextEventId(), events));
    batch.addAll(effects);
    if (!inbox.isEmpty()) {
      batch.add(new Write.DeleteInbox(run.runId(), consumed));
    }
    batch.add(
        new Write.CompleteWorkflowTask(
            run.runId(), task.taskQueue(), task.leaseToken(), consumed, now));
    if (closeStatus != null) {
      batch.add(new Write.CloseRun(run.runId(), closeStatus, now, consumed));
      batch.add(new Write.DeleteRunTasks(run.runId()));
    }
    return new Prepared(batch.build(), events.size());
  }

  private static ActivityTaskRecord activityTask(
      EngineContext ctx, RunRecord run, ActivityScheduled a, Instant now) {
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
        ctx.codec().encodeValue(spec),
        null,
        null);
  }
}
