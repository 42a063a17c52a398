package dev.weft.internal.client;

import dev.weft.client.AttentionPage;
import dev.weft.client.NonDeterminismFailure;
import dev.weft.client.PendingActivity;
import dev.weft.client.PendingTimer;
import dev.weft.client.WorkflowDescription;
import dev.weft.converter.Payload;
import dev.weft.engine.HistoryLimits;
import dev.weft.engine.WeftClock;
import dev.weft.failure.CanceledFailure;
import dev.weft.failure.TerminatedFailure;
import dev.weft.failure.TimeoutFailure;
import dev.weft.failure.TimeoutType;
import dev.weft.failure.WorkflowFailedException;
import dev.weft.failure.WorkflowNotFoundException;
import dev.weft.history.EventAttributes;
import dev.weft.history.Failure;
import dev.weft.history.WorkflowHistory;
import dev.weft.internal.codec.EventCodec;
import dev.weft.internal.codec.EventRecords;
import dev.weft.internal.codec.FailureConverter;
import dev.weft.internal.codec.PayloadConverter;
import dev.weft.internal.codec.WorkflowTaskFailureDetails;
import dev.weft.internal.engine.RunWaiters;
import dev.weft.internal.engine.StallWatch;
import dev.weft.internal.step.RunStarts;
import dev.weft.store.ActivityTaskState;
import dev.weft.store.EventRecord;
import dev.weft.store.RunRecord;
import dev.weft.store.RunWithLastEvent;
import dev.weft.store.Store;
import dev.weft.store.TaskKind;
import dev.weft.store.TimerRecord;
import dev.weft.store.WorkflowTaskRecord;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/** The client's reads: results (waiting without polling), descriptions, histories. */
public final class RunReader {
  /**
   * The safety re-check of a result wait, in case a run's close notification was lost without the
   * store noticing: first after five seconds, then twice as long each time up to half a minute. A
   * store that knows it missed notifications (a dropped listener connection) wakes every waiter
   * itself ({@link dev.weft.store.StoreListener#notificationsMissed()}), so waits need not poll
   * often: two thousand waiting clients re-checking every second were a read every half
   * millisecond.
   */
  private static final long FIRST_RECHECK_MILLIS = 5_000;

  private static final long MAX_RECHECK_MILLIS = 30_000;

  private final String namespace;
  private final Store store;
  private final PayloadConverter payloads;
  private final EventCodec codec;
  private final EventRecords records;
  private final RunWaiters waiters;
  private final HistoryLimits historyLimits;
  private final WeftClock clock;
  private final StallWatch stalls;
  private final HistoryWaits historyWaits;
  private final RunsNeedingAttention attention;

  /**
   * @param stalls says why a pending task waits with no worker to take it
   */
  public RunReader(
      String namespace,
      Store store,
      PayloadConverter payloads,
      EventCodec codec,
      EventRecords records,
      RunWaiters waiters,
      HistoryLimits historyLimits,
      WeftClock clock,
      StallWatch stalls) {
    this.namespace = namespace;
    this.store = store;
    this.payloads = payloads;
    this.codec = codec;
    this.records = records;
    this.waiters = waiters;
    this.historyLimits = historyLimits;
    this.clock = clock;
    this.stalls = stalls;
    this.historyWaits = new HistoryWaits(store, records, waiters);
    this.attention = new RunsNeedingAttention(namespace, store, codec, clock, stalls);
  }

  /** Finds a run by ID, or the latest run of a workflow ID when {@code runId} is null. */
  RunRecord resolve(String workflowId, String runId) {
    Optional<RunRecord> run =
        runId != null
            ? store
                .findRun(runId)
                .filter(r -> r.workflowId().equals(workflowId) && r.namespace().equals(namespace))
            : store.findLatestRun(namespace, workflowId);
    return run.orElseThrow(() -> new WorkflowNotFoundException(workflowId, runId));
  }

  /**
   * Waits until the run closes, at most {@code timeout} (null for no limit), and returns its result
   * as {@code type}.
   *
   * @param workflowId the workflow the run must belong to
   * @throws WorkflowNotFoundException if there is no such run of that workflow
   */
  Object awaitResult(String workflowId, String runId, Type type, Duration timeout)
      throws TimeoutException {
    long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
    waiters.beginResultWait();
    try {
      return awaitResult(workflowId, runId, type, timeout, deadline);
    } finally {
      waiters.endResultWait();
    }
  }

  private Object awaitResult(
      String workflowId, String firstRunId, Type type, Duration timeout, long deadline)
      throws TimeoutException {
    String runId = firstRunId;
    long recheck = FIRST_RECHECK_MILLIS;
    while (true) {
      String waitedFor = runId;
      CompletableFuture<Void> closed = waiters.onClosed(waitedFor);
      try {
        // the run is checked here rather than looked up first: a wait costs one read fewer
        RunWithLastEvent found =
            store
                .findRunWithLastEvent(runId)
                .filter(f -> f.run().workflowId().equals(workflowId))
                .orElseThrow(() -> new WorkflowNotFoundException(workflowId, waitedFor));
        RunRecord run = found.run();
        if (run.status().isClosed()) {
          Object result = result(run, found.lastEvent(), type);
          if (result instanceof NextRun next) {
            runId = next.runId();
            recheck = FIRST_RECHECK_MILLIS;
            continue;
          }
          return result;
        }
        Waits.awaitChange(
            closed,
            deadline,
            recheck,
            () -> new TimeoutException("run " + waitedFor + " did not close within " + timeout));
        recheck = Math.min(MAX_RECHECK_MILLIS, recheck * 2);
      } finally {
        waiters.forget(waitedFor, closed);
      }
    }
  }

  /** The run ended by starting another whose result is the workflow's (continue-as-new). */
  private record NextRun(String runId) {}

  /** The result of a closed run from its closing event (its last), or the run that follows. */
  private Object result(RunRecord run, EventRecord lastEvent, Type type) {
    EventAttributes closing =
        lastEvent == null ? null : records.decode(List.of(lastEvent)).get(0).attributes();
    return switch (closing) {
      case EventAttributes.WorkflowCompleted c -> payloads.decode(c.result(), type);
      case EventAttributes.WorkflowContinuedAsNew c -> new NextRun(c.newRunId());
      case EventAttributes.WorkflowFailed f when f.newRunId() != null -> new NextRun(f.newRunId());
      case EventAttributes.WorkflowTimedOut t when t.newRunId() != null ->
          new NextRun(t.newRunId());
      case EventAttributes.WorkflowTimedOut t ->
          throw new WorkflowFailedException(
              run.workflowId(),
              run.runId(),
              run.status(),
              new TimeoutFailure(
                  TimeoutType.valueOf(t.timeoutType()),
                  "workflow timed out (" + t.timeoutType() + ")",
                  null));
      case EventAttributes.WorkflowFailed f ->
          throw new WorkflowFailedException(
              run.workflowId(),
              run.runId(),
              run.status(),
              FailureConverter.toException(f.failure()));
      case EventAttributes.WorkflowCanceled c ->
          throw new WorkflowFailedException(
              run.workflowId(),
              run.runId(),
              run.status(),
              new CanceledFailure(String.valueOf(c.details())));
      case EventAttributes.WorkflowTerminated t ->
          throw new WorkflowFailedException(
              run.workflowId(), run.runId(), run.status(), new TerminatedFailure(t.reason()));
      case null, default ->
          throw new IllegalStateException(
              "run " + run.runId() + " is " + run.status() + " but its last event is " + closing);
    };
  }

  WorkflowDescription describe(RunRecord run) {
    Instant now = clock.now();
    List<PendingActivity> activities = new ArrayList<>();
    List<ActivityTaskState> activityTasks = store.findActivityTasks(run.runId());
    List<TimerRecord> timerRecords = store.findTimers(run.runId());
    PendingSummaries.Summaries summaries =
        activityTasks.isEmpty() && timerRecords.stream().noneMatch(t -> t.seq() > 0)
            ? PendingSummaries.Summaries.NONE
            : PendingSummaries.read(store, codec, run.runId());
    for (ActivityTaskState s : activityTasks) {
      String lastFailure =
          s.task().lastFailure() == null
              ? null
              : codec.decodeValue(s.task().lastFailure(), Failure.class).message();
      activities.add(
          new PendingActivity(
              s.task().seq(),
              s.task().activityType(),
              s.task().taskQueue(),
              s.task().attempt(),
              s.isLeased(),
              s.isLeased() ? null : s.task().visibleAt(),
              lastFailure,
              stalls.reason(
                  TaskKind.ACTIVITY,
                  s.task().taskQueue(),
                  s.task().activityType(),
                  s.isLeased(),
                  s.task().visibleAt(),
                  now),
              summaries.activities().get(s.task().seq())));
    }
    List<PendingTimer> timers = new ArrayList<>();
    Instant runDeadline = null;
    for (TimerRecord t : timerRecords) {
      if (t.seq() == RunStarts.DEADLINE_TIMER_SEQ) {
        runDeadline = t.fireAt();
      } else {
        timers.add(new PendingTimer(t.seq(), t.fireAt(), summaries.timers().get(t.seq())));
      }
    }
    Map<String, Object> searchAttributes = new TreeMap<>();
    store
        .findSearchAttributes(run.runId())
        .forEach((name, value) -> searchAttributes.put(name, value.value()));
    WorkflowTaskRecord task = store.findWorkflowTask(run.runId()).orElse(null);
    return new WorkflowDescription(
        run.workflowId(),
        run.runId(),
        run.workflowType(),
        run.taskQueue(),
        run.status(),
        run.startTime(),
        run.closeTime(),
        run.nextEventId() - 1,
        run.historyBytes(),
        activities,
        timers,
        task == null ? 0 : task.attempt(),
        task == null ? null : task.lastFailure(),
        runDeadline,
        searchAttributes,
        memo(run),
        historyLimits.warns(run.nextEventId() - 1, run.historyBytes())
            ? historyLimits.describe(run.nextEventId() - 1, run.historyBytes())
            : null,
        run.status().isClosed() ? null : store.findRunPause(run.runId()).orElse(null),
        task == null
            ? null
            : stalls.reason(
                TaskKind.WORKFLOW,
                task.taskQueue(),
                run.workflowType(),
                task.isLeased(),
                task.visibleAt(),
                now),
        nonDeterminism(task));
  }

  /** The two sides of the workflow task's non-determinism error, from its failure's details. */
  private NonDeterminismFailure nonDeterminism(WorkflowTaskRecord task) {
    if (task == null || task.failureDetails() == null) {
      return null;
    }
    WorkflowTaskFailureDetails details =
        codec.decodeValue(
            task.failureDetails().getBytes(StandardCharsets.UTF_8),
            WorkflowTaskFailureDetails.class);
    WorkflowTaskFailureDetails.NonDeterminism nd = details.nonDeterminism();
    return nd == null
        ? null
        : new NonDeterminismFailure(nd.eventId(), nd.codeAskedFor(), nd.historyHas());
  }

  /** One page of the running runs that need attention (see {@link RunsNeedingAttention}). */
  AttentionPage runsNeedingAttention(int pageSize, String pageToken) {
    return attention.list(pageSize, pageToken);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> memo(RunRecord run) {
    byte[] stored = store.findMemo(run.runId()).orElse(null);
    if (stored == null) {
      return Map.of();
    }
    Payload payload = codec.decodeValue(stored, Payload.class);
    Map<String, Object> memo = (Map<String, Object>) payloads.decode(payload, Map.class);
    return memo == null ? Map.of() : memo;
  }

  WorkflowHistory history(RunRecord run) {
    return new WorkflowHistory(
        run.workflowId(), run.runId(), records.decode(store.readHistory(run.runId(), 1)));
  }

  /**
   * At most {@code maxEvents} events after {@code afterEventId}, waiting at most {@code wait} for
   * one (see {@link HistoryWaits}).
   */
  WorkflowHistory historyAfter(RunRecord run, long afterEventId, int maxEvents, Duration wait) {
    return historyWaits.after(run, afterEventId, maxEvents, wait);
  }
}
