package dev.weft.internal.step;

import dev.weft.common.WorkflowStatus;
import dev.weft.failure.InvalidResetPointException;
import dev.weft.history.EventAttributes;
import dev.weft.history.EventAttributes.ActivityScheduled;
import dev.weft.history.EventAttributes.StartChildWorkflowInitiated;
import dev.weft.history.EventAttributes.TimerStarted;
import dev.weft.history.EventAttributes.WorkflowStarted;
import dev.weft.history.HistoryEvent;
import dev.weft.history.IndexedValue;
import dev.weft.internal.codec.EventCodec;
import dev.weft.internal.codec.EventRecords;
import dev.weft.internal.visibility.SearchAttributeCatalog;
import dev.weft.store.EventRecord;
import dev.weft.store.RunRecord;
import dev.weft.store.TimerRecord;
import dev.weft.store.Write;
import dev.weft.workflow.WorkflowInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Makes a running run out of a recorded history (reset, import): the history is copied as it is,
 * and the work it left pending (activities scheduled and not closed, timers started and not fired)
 * is recreated, so that the run goes on as if it had never stopped. Children cannot be carried
 * over: they belong to the run that started them.
 */
public final class RunRebuilds {
  private final EventRecords records;
  private final EventCodec codec;

  public RunRebuilds(EventRecords records, EventCodec codec) {
    this.records = records;
    this.codec = codec;
  }

  /**
   * Returns the writes that insert {@code run} (running) with {@code history} followed by {@code
   * appended} inbound events, its pending work, search attributes and memo, {@code inbox} waiting
   * for its next workflow task, and that task.
   *
   * @param conflicting statuses of other runs of the workflow ID that make the insert conflict
   * @throws InvalidResetPointException if the history has child workflows open at its end
   */
  public List<Write> running(
      RunRecord run,
      List<HistoryEvent> history,
      List<EventAttributes> appended,
      List<EventAttributes> inbox,
      Set<WorkflowStatus> conflicting,
      Instant now) {
    if (history.isEmpty() || !(history.get(0).attributes() instanceof WorkflowStarted started)) {
      throw new IllegalArgumentException("a history must start with WorkflowStarted");
    }
    WorkflowInfo info =
        new WorkflowInfo(
            run.namespace(), run.workflowId(), run.runId(), run.workflowType(), run.taskQueue());
    Pending pending = Pending.of(history);
    if (!pending.children.isEmpty()) {
      throw new InvalidResetPointException(
          "run "
              + run.runId()
              + " cannot start from event "
              + history.get(history.size() - 1).eventId()
              + ": child workflows "
              + pending.children.values()
              + " were open there and belong to the original run; pick a point before they"
              + " started or after they closed");
    }
    List<EventRecord> events = new ArrayList<>(history.size() + appended.size());
    for (HistoryEvent e : history) {
      events.add(records.record(e.eventId(), e.time(), e.attributes()));
    }
    long id = history.get(history.size() - 1).eventId() + 1;
    for (EventAttributes e : appended) {
      events.add(records.record(id++, now, e));
    }
    List<Write> writes = new ArrayList<>();
    writes.add(new Write.InsertRun(run, conflicting));
    writes.add(new Write.AppendEvents(run.runId(), 1, events));
    if (!pending.searchAttributes.isEmpty()) {
      writes.add(
          new Write.UpsertSearchAttributes(
              run.runId(), SearchAttributeCatalog.toStore(pending.searchAttributes)));
    }
    if (started.memo() != null) {
      writes.add(new Write.SetMemo(run.runId(), codec.encodeValue(started.memo())));
    }
    Instant deadline = RunStarts.deadline(started, now);
    if (deadline != null) {
      writes.add(
          new Write.InsertTimer(
              new TimerRecord(run.runId(), RunStarts.DEADLINE_TIMER_SEQ, deadline)));
    }
    for (ActivityScheduled a : pending.activities.values()) {
      if (pending.cancelRequested.contains(a.seq())) {
        // its attempt belonged to the original run: nothing runs it here, so it stops at once
        EventAttributes canceled = new EventAttributes.ActivityCanceled(a.seq(), 0);
        writes.add(
            new Write.InsertInbox(
                run.runId(), canceled.getClass().getSimpleName(), now, codec.encode(canceled)));
      } else {
        writes.add(new Write.InsertActivityTask(ActivityTasks.record(info, a, now)));
      }
    }
    for (TimerStarted t : pending.timers.values()) {
      writes.add(new Write.InsertTimer(new TimerRecord(run.runId(), t.seq(), t.fireAt())));
    }
    for (EventAttributes e : inbox) {
      writes.add(
          new Write.InsertInbox(run.runId(), e.getClass().getSimpleName(), now, codec.encode(e)));
    }
    writes.add(new Write.EnsureWorkflowTask(run.runId(), run.taskQueue(), now));
    return writes;
  }

  /** What a history left open at its end. */
  private record Pending(
      Map<Long, ActivityScheduled> activities,
      Set<Long> cancelRequested,
      Map<Long, TimerStarted> timers,
      Map<Long, String> children,
      Map<String, IndexedValue> searchAttributes) {

    static Pending of(List<HistoryEvent> history) {
      Pending p =
          new Pending(
              new LinkedHashMap<>(),
              new HashSet<>(),
              new LinkedHashMap<>(),
              new LinkedHashMap<>(),
              new TreeMap<>());
      for (HistoryEvent e : history) {
        switch (e.attributes()) {
          case WorkflowStarted s -> p.searchAttributes.putAll(s.searchAttributes());
          case EventAttributes.SearchAttributesUpserted u -> {
            p.searchAttributes.putAll(u.values());
            u.removed().forEach(p.searchAttributes::remove);
          }
          case ActivityScheduled a -> p.activities.put(a.seq(), a);
          case EventAttributes.ActivityCompleted c -> p.activities.remove(c.seq());
          case EventAttributes.ActivityFailed f -> p.activities.remove(f.seq());
          case EventAttributes.ActivityTimedOut t -> p.activities.remove(t.seq());
          case EventAttributes.ActivityCanceled c -> p.activities.remove(c.seq());
          case EventAttributes.ActivityCancelRequested c when c.waitForCompletion() ->
              p.cancelRequested.add(c.seq());
          case EventAttributes.ActivityCancelRequested c -> p.activities.remove(c.seq());
          case TimerStarted t -> p.timers.put(t.seq(), t);
          case EventAttributes.TimerFired f -> p.timers.remove(f.seq());
          case EventAttributes.TimerCanceled c -> p.timers.remove(c.seq());
          case StartChildWorkflowInitiated c when c.runId() != null ->
              p.children.put(c.seq(), c.workflowId());
          case EventAttributes.ChildWorkflowStartFailed f -> p.children.remove(f.seq());
          case EventAttributes.ChildWorkflowClosed c -> p.children.remove(c.seq());
          default -> {}
        }
      }
      return p;
    }
  }
}
