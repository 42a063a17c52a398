package dev.weft.internal.client;

import dev.weft.common.WorkflowStatus;
import dev.weft.engine.WeftClock;
import dev.weft.failure.InvalidResetPointException;
import dev.weft.failure.WorkflowAlreadyStartedException;
import dev.weft.history.EventAttributes;
import dev.weft.history.EventAttributes.WorkflowStarted;
import dev.weft.history.EventAttributes.WorkflowTaskCompleted;
import dev.weft.history.Failure;
import dev.weft.history.HistoryEvent;
import dev.weft.history.WorkflowHistory;
import dev.weft.internal.codec.EventRecords;
import dev.weft.internal.engine.TimeOrderedIds;
import dev.weft.internal.engine.WorkflowCache;
import dev.weft.internal.step.RunClosures;
import dev.weft.internal.step.RunRebuilds;
import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.RunRecord;
import dev.weft.store.Store;
import dev.weft.store.Write;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reset (a new run of a workflow from a workflow-task point of an old run's history, for fixing a
 * bad deploy) and import (a run made from an exported history). Both copy history as it is and
 * recreate the work it left pending; one transaction writes the new run and, for a reset,
 * terminates the workflow's running run.
 */
public final class Resets {
  private static final int ATTEMPTS = 20;

  private final String namespace;
  private final Store store;
  private final WeftClock clock;
  private final TimeOrderedIds ids;
  private final WorkflowCache cache;
  private final EventRecords records;
  private final RunClosures closures;
  private final RunRebuilds rebuilds;

  public Resets(
      String namespace,
      Store store,
      WeftClock clock,
      TimeOrderedIds ids,
      WorkflowCache cache,
      EventRecords records,
      RunClosures closures,
      RunRebuilds rebuilds) {
    this.namespace = namespace;
    this.store = store;
    this.clock = clock;
    this.ids = ids;
    this.cache = cache;
    this.records = records;
    this.closures = closures;
    this.rebuilds = rebuilds;
  }

  /**
   * Starts a new run from {@code base}'s history before the workflow task that ended at {@code
   * eventId}: that task runs again with the current code; signals received after it are delivered
   * again.
   */
  RunRecord reset(RunRecord base, long eventId, String reason) {
    List<HistoryEvent> history = records.decode(store.readHistory(base.runId(), 1));
    HistoryEvent point =
        history.stream().filter(e -> e.eventId() == eventId).findFirst().orElse(null);
    if (point == null || !(point.attributes() instanceof WorkflowTaskCompleted)) {
      throw new InvalidResetPointException(
          "cannot reset workflow '"
              + base.workflowId()
              + "' (run "
              + base.runId()
              + ") to event "
              + eventId
              + ": "
              + (point == null
                  ? "the run has no such event (it has " + history.size() + ")"
                  : "it is " + point.attributes().getClass().getSimpleName())
              + "; a reset point is the end of a workflow task (WorkflowTaskCompleted): "
              + validPoints(history));
    }
    // the task that ended at eventId runs again with the current code: its inbound events are
    // kept, its completion and commands are not
    List<HistoryEvent> prefix = history.subList(0, (int) eventId - 1);
    List<EventAttributes> signals = new ArrayList<>();
    for (HistoryEvent e : history.subList((int) eventId, history.size())) {
      if (e.attributes() instanceof EventAttributes.SignalReceived s) {
        signals.add(s);
      }
    }
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Instant now = clock.now();
      String newRunId = ids.next();
      RunRecord run =
          RunRecord.started(
              base.namespace(),
              base.workflowId(),
              newRunId,
              base.workflowType(),
              base.taskQueue(),
              now);
      List<Write> writes = new ArrayList<>();
      RunRecord current = store.findLatestRun(base.namespace(), base.workflowId()).orElse(null);
      if (current != null && current.status() == WorkflowStatus.RUNNING) {
        String why =
            "reset to run "
                + newRunId
                + " from event "
                + eventId
                + " of run "
                + base.runId()
                + (reason == null || reason.isBlank() ? "" : ": " + reason);
        writes.addAll(
            closures.writes(
                current,
                records.decode(store.readHistory(current.runId(), 1)),
                new RunClosures.Closing(
                    new EventAttributes.WorkflowTerminated(why),
                    WorkflowStatus.TERMINATED,
                    new Failure(Failure.TERMINATED, "Terminated", why, "", true, 0, 0, null),
                    List.of()),
                now));
      }
      writes.addAll(
          rebuilds.running(
              run,
              prefix,
              List.of(new EventAttributes.WorkflowReset(base.runId(), eventId, reason)),
              signals,
              EnumSet.of(WorkflowStatus.RUNNING),
              now));
      CommitResult result = store.commit(Batch.builder().addAll(writes).build()).join();
      if (result.committed()) {
        cache.invalidate(base.runId());
        return store.findRun(newRunId).orElseThrow();
      }
    }
    throw new IllegalStateException(
        "could not reset workflow '" + base.workflowId() + "': it kept changing; try again");
  }

  /**
   * Writes a run from an exported history, with its workflow and run IDs: closed as it closed, or
   * running and going on from where the history ends.
   */
  RunRecord importHistory(WorkflowHistory history) {
    List<HistoryEvent> events = history.events();
    if (events.isEmpty() || !(events.get(0).attributes() instanceof WorkflowStarted started)) {
      throw new IllegalArgumentException(
          "history of run " + history.runId() + " does not start with WorkflowStarted");
    }
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).eventId() != i + 1) {
        throw new IllegalArgumentException(
            "history of run "
                + history.runId()
                + " has event ID "
                + events.get(i).eventId()
                + " at position "
                + (i + 1)
                + "; event IDs must be 1, 2, 3...");
      }
    }
    if (store.findRun(history.runId()).isPresent()) {
      throw new WorkflowAlreadyStartedException(
          history.workflowId(), history.runId(), "run " + history.runId() + " exists already");
    }
    Instant now = clock.now();
    Instant start = events.get(0).time();
    RunRecord run =
        RunRecord.started(
            namespace,
            history.workflowId(),
            history.runId(),
            started.workflowType(),
            started.taskQueue(),
            start);
    WorkflowStatus closed = closedStatus(events.get(events.size() - 1).attributes());
    Batch batch;
    if (closed != null) {
      batch =
          Batch.of(
              new Write.InsertRun(run, Set.of()),
              new Write.AppendEvents(
                  run.runId(),
                  1,
                  events.stream()
                      .map(e -> records.record(e.eventId(), e.time(), e.attributes()))
                      .toList()),
              new Write.CloseRun(run.runId(), closed, events.get(events.size() - 1).time()));
    } else {
      batch =
          Batch.builder()
              .addAll(
                  rebuilds.running(
                      run, events, List.of(), List.of(), EnumSet.of(WorkflowStatus.RUNNING), now))
              .build();
    }
    CommitResult result = store.commit(batch).join();
    if (result instanceof CommitResult.Conflict conflict) {
      throw new WorkflowAlreadyStartedException(
          history.workflowId(), null, "cannot import: " + conflict.reason());
    }
    return store.findRun(run.runId()).orElseThrow();
  }

  private static WorkflowStatus closedStatus(EventAttributes last) {
    return switch (last) {
      case EventAttributes.WorkflowCompleted c -> WorkflowStatus.COMPLETED;
      case EventAttributes.WorkflowFailed f -> WorkflowStatus.FAILED;
      case EventAttributes.WorkflowCanceled c -> WorkflowStatus.CANCELED;
      case EventAttributes.WorkflowTerminated t -> WorkflowStatus.TERMINATED;
      case EventAttributes.WorkflowTimedOut t -> WorkflowStatus.TIMED_OUT;
      case EventAttributes.WorkflowContinuedAsNew c -> WorkflowStatus.CONTINUED_AS_NEW;
      default -> null;
    };
  }

  private static String validPoints(List<HistoryEvent> history) {
    List<Long> points =
        history.stream()
            .filter(e -> e.attributes() instanceof WorkflowTaskCompleted)
            .map(HistoryEvent::eventId)
            .toList();
    if (points.size() > 20) {
      return points.subList(0, 10) + " ... " + points.subList(points.size() - 10, points.size());
    }
    return points.toString();
  }
}
