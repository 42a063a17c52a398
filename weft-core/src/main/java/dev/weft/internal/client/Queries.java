package dev.weft.internal.client;

import dev.weft.converter.Payload;
import dev.weft.engine.WeftClock;
import dev.weft.failure.UnknownQueryException;
import dev.weft.failure.UnknownWorkflowTypeException;
import dev.weft.history.EventAttributes;
import dev.weft.internal.codec.EventRecords;
import dev.weft.internal.codec.PayloadConverter;
import dev.weft.internal.engine.QueueRegistration.WorkflowRegistration;
import dev.weft.internal.engine.RunWaiters;
import dev.weft.internal.engine.RunnerFactory;
import dev.weft.internal.engine.WorkflowCache;
import dev.weft.internal.runtime.WorkflowRunner;
import dev.weft.store.InboxRecord;
import dev.weft.store.RunRecord;
import dev.weft.store.RunWithLastEvent;
import dev.weft.store.Store;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * Answers queries: from the cached state of the run when it is up to date, otherwise from a
 * throwaway replay of its history (closed runs included).
 *
 * <p>A query observes everything accepted before it (as in Temporal, where a query goes after the
 * run's pending workflow task): the events in the run's inbox when the query arrives (signals,
 * updates, cancel requests, activity results), and a first workflow task not yet run (a start, a
 * reset). It waits for the workflow task that applies them, on this node's progress notifications
 * and by looking at the store again with backoff (another node may run the task), at most {@link
 * #QUERY_TIMEOUT}. A closed run, or a paused one (its tasks are held until it resumes), is answered
 * at once from what it recorded; a run in its start delay is refused at once (its code has not
 * run).
 */
public final class Queries {
  /** How long a query waits for the workflow task that applies what was accepted before it. */
  static final Duration QUERY_TIMEOUT = Duration.ofSeconds(10);

  private static final long FIRST_RECHECK_MILLIS = 5;
  private static final long MAX_RECHECK_MILLIS = 200;

  private final RunnerFactory runners;
  private final Store store;
  private final WorkflowCache cache;
  private final RunWaiters waiters;
  private final PayloadConverter payloads;
  private final EventRecords records;
  private final WeftClock clock;

  public Queries(
      RunnerFactory runners,
      Store store,
      WorkflowCache cache,
      RunWaiters waiters,
      PayloadConverter payloads,
      EventRecords records,
      WeftClock clock) {
    this.runners = runners;
    this.store = store;
    this.cache = cache;
    this.waiters = waiters;
    this.payloads = payloads;
    this.records = records;
    this.clock = clock;
  }

  /** Asks a run's query with arguments; returns the answer as {@code resultType}. */
  Object query(RunRecord run, String queryName, Type resultType, Object[] args) {
    Payload input = payloads.encodeArguments(args, "input of query '" + queryName + "'");
    Payload result = query(run, queryName, input);
    return payloads.decode(result, resultType);
  }

  private Payload query(RunRecord target, String queryName, Payload args) {
    WorkflowRegistration registration =
        runners
            .find(target.taskQueue(), target.workflowType())
            .orElseThrow(
                () ->
                    new UnknownWorkflowTypeException(
                        target.workflowType(),
                        target.taskQueue(),
                        runners.workflowTypes(target.taskQueue())));
    if (!registration.definition().isDynamic()
        && !WorkflowRunner.STACK_TRACE_QUERY.equals(queryName)
        && !registration.definition().queries().containsKey(queryName)) {
      throw new UnknownQueryException(
          target.workflowType(), queryName, registration.definition().queries().keySet());
    }
    RunRecord run = awaitAccepted(target, queryName);
    WorkflowCache.Taken taken = cache.take(run.runId());
    if (!taken.busy()) {
      WorkflowRunner cached = taken.runner();
      if (cached != null && cached.nextEventId() == run.nextEventId()) {
        try {
          return cached.query(queryName, args);
        } finally {
          cache.put(cached);
        }
      }
      if (cached != null) {
        cache.put(cached);
      } else {
        cache.release(run.runId());
      }
    }
    WorkflowRunner replayed = runners.create(run, registration);
    try {
      runners.replay(replayed, store.readHistory(run.runId(), 1));
      return replayed.query(queryName, args);
    } finally {
      replayed.destroy();
    }
  }

  /**
   * Waits until the run's history holds everything it had accepted when the query arrived, and
   * returns the run as it is then.
   */
  private RunRecord awaitAccepted(RunRecord target, String queryName) {
    long deadline = System.nanoTime() + QUERY_TIMEOUT.toNanos();
    long acceptedUpTo = Long.MIN_VALUE;
    long recheck = FIRST_RECHECK_MILLIS;
    boolean first = true;
    while (true) {
      CompletableFuture<Void> progress = waiters.onProgress(target.runId());
      try {
        RunWithLastEvent found = store.findRunWithLastEvent(target.runId()).orElseThrow();
        RunRecord run = found.run();
        if (run.status().isClosed() || (first && store.findRunPause(run.runId()).isPresent())) {
          return run;
        }
        List<InboxRecord> inbox = store.readInbox(run.runId());
        if (first) {
          acceptedUpTo = inbox.stream().mapToLong(InboxRecord::inboxId).max().orElse(-1);
          first = false;
        }
        long upTo = acceptedUpTo;
        boolean unapplied = inbox.stream().anyMatch(e -> e.inboxId() <= upTo);
        boolean firstTaskPending = awaitsFirstTask(found);
        if (!unapplied && !firstTaskPending) {
          return run;
        }
        if (firstTaskPending) {
          refuseDuringStartDelay(run, queryName);
        }
        Waits.awaitChange(
            progress,
            deadline,
            recheck,
            () ->
                new TimeoutException(
                    "query '"
                        + queryName
                        + "' of workflow '"
                        + run.workflowId()
                        + "' (run "
                        + run.runId()
                        + ") waited "
                        + QUERY_TIMEOUT
                        + " for the workflow task that applies the signals, updates and events"
                        + " accepted before it; is a worker polling task queue '"
                        + run.taskQueue()
                        + "'?"));
        recheck = Math.min(MAX_RECHECK_MILLIS, recheck * 2);
      } catch (TimeoutException e) {
        throw new CompletionException(e);
      } finally {
        waiters.forget(target.runId(), progress);
      }
    }
  }

  /**
   * A run whose first workflow task is due after the query could wait (its start delay) has no
   * state to answer from yet: say so at once rather than time out.
   */
  private void refuseDuringStartDelay(RunRecord run, String queryName) {
    store
        .findWorkflowTask(run.runId())
        .filter(t -> !t.isLeased() && t.visibleAt().isAfter(clock.now().plus(QUERY_TIMEOUT)))
        .ifPresent(
            t -> {
              throw new IllegalStateException(
                  "query '"
                      + queryName
                      + "' of workflow '"
                      + run.workflowId()
                      + "' (run "
                      + run.runId()
                      + "): the run is in its start delay, its code first runs at "
                      + t.visibleAt()
                      + "; query it after that");
            });
  }

  /**
   * Whether the history ends with an event no workflow task has seen: a start, reset or import
   * whose first workflow task has not run (every task ends with its boundary and its commands).
   */
  private boolean awaitsFirstTask(RunWithLastEvent found) {
    if (found.lastEvent() == null) {
      return true;
    }
    EventAttributes last = records.decode(List.of(found.lastEvent())).get(0).attributes();
    return !(last instanceof EventAttributes.WorkflowTaskCompleted) && !last.isCommand();
  }
}
