package dev.weft.internal.worker;

import dev.weft.engine.WeftClock;
import dev.weft.failure.NonDeterminismException;
import dev.weft.failure.UnknownWorkflowTypeException;
import dev.weft.history.EventAttributes;
import dev.weft.history.Failure;
import dev.weft.internal.codec.CheckedExceptionWrapper;
import dev.weft.internal.codec.EventCodec;
import dev.weft.internal.codec.WorkflowTaskFailureDetails;
import dev.weft.internal.engine.EagerDispatch;
import dev.weft.internal.engine.EngineMetrics;
import dev.weft.internal.engine.QueueRegistration.WorkflowRegistration;
import dev.weft.internal.engine.RunWaiters;
import dev.weft.internal.engine.RunnerFactory;
import dev.weft.internal.engine.WorkflowCache;
import dev.weft.internal.runtime.WorkflowRunner;
import dev.weft.internal.runtime.WorkflowTaskFailedException;
import dev.weft.internal.step.HistoryGrowth;
import dev.weft.internal.step.PreparedCommit;
import dev.weft.internal.step.WorkflowTaskCommit;
import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.EventRecord;
import dev.weft.store.InboxRecord;
import dev.weft.store.RunRecord;
import dev.weft.store.RunSnapshot;
import dev.weft.store.Store;
import dev.weft.store.WorkflowTaskRecord;
import dev.weft.store.Write;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes one claimed workflow task: brings the run's state up to date (from the cache, or by
 * replaying its history), applies the inbox, runs the code, and commits what it did in one
 * transaction. A failing task (non-determinism, a deadlock, a bug) is retried with backoff and
 * leaves the run open.
 */
public final class WorkflowTaskHandler {
  private static final Logger log = LoggerFactory.getLogger(WorkflowTaskHandler.class);
  private static final Duration MAX_RETRY_DELAY = Duration.ofMinutes(1);
  private static final Duration HOLD_WAIT = Duration.ofSeconds(5);

  private final WorkflowCache cache;
  private final Store store;
  private final RunnerFactory runners;
  private final EventCodec codec;
  private final WeftClock clock;
  private final RunWaiters waiters;
  private final WorkflowTaskCommit commit;
  private final HistoryGrowth growth;
  private final EagerDispatch dispatch;
  private final EngineMetrics metrics;

  public WorkflowTaskHandler(
      WorkflowCache cache,
      Store store,
      RunnerFactory runners,
      EventCodec codec,
      WeftClock clock,
      RunWaiters waiters,
      WorkflowTaskCommit commit,
      HistoryGrowth growth,
      EagerDispatch dispatch,
      EngineMetrics metrics) {
    this.cache = cache;
    this.store = store;
    this.runners = runners;
    this.codec = codec;
    this.clock = clock;
    this.waiters = waiters;
    this.commit = commit;
    this.growth = growth;
    this.dispatch = dispatch;
    this.metrics = metrics;
  }

  /** Runs a claimed (or eagerly leased) workflow task; called on the task's own thread. */
  public void handle(WorkflowTaskRecord task) {
    for (int round = 0; round < 5; round++) {
      if (handleOnce(task)) {
        return;
      }
    }
  }

  /** Returns false when the task should run again at once under the same lease. */
  private boolean handleOnce(WorkflowTaskRecord task) {
    long started = metrics.started();
    // hold the run first: its record must be read after any eager step of it on this node
    WorkflowCache.Taken taken;
    try {
      taken = cache.take(task.runId(), HOLD_WAIT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
    if (taken.busy()) {
      // another task of this run is still running here: let the poller hand this one out again
      release(task, clock.now(), -1);
      return true;
    }
    // one read for the run, its inbox and (with no copy cached here) its history
    Optional<RunSnapshot> found = store.loadRun(task.runId(), taken.runner() == null);
    if (found.isEmpty() || found.get().run().status().isClosed()) {
      drop(taken, task.runId());
      dropLeftover(task);
      return true;
    }
    RunRecord run = found.get().run();
    WorkflowRegistration registration =
        runners.find(task.taskQueue(), run.workflowType()).orElse(null);
    if (registration == null) {
      drop(taken, task.runId());
      fail(task, unknownType(run, task));
      return true;
    }
    WorkflowRunner runner = taken.runner();
    boolean cached = false;
    try {
      List<EventAttributes> pending = List.of();
      if (runner == null || runner.nextEventId() != run.nextEventId()) {
        if (runner != null) {
          runner.destroy();
        }
        runner = runners.create(run, registration);
        List<EventRecord> history = found.get().history();
        pending =
            runners.replay(runner, history != null ? history : store.readHistory(run.runId(), 1));
      }
      List<InboxRecord> inbox = found.get().inbox();
      List<EventAttributes> inboxEvents = new ArrayList<>(inbox.size());
      for (InboxRecord record : inbox) {
        inboxEvents.add(codec.decode(record.data()));
      }
      Instant now = clock.now();
      if (pending.isEmpty() && inboxEvents.isEmpty()) {
        release(task, now, 0);
        cache.put(runner);
        cached = true;
        return true;
      }
      List<EventAttributes> inbound = new ArrayList<>(pending);
      inbound.addAll(inboxEvents);
      List<EventAttributes> commands = runner.runTask(inbound, now, null);
      Map<String, Failure> rejected = runner.rejectedUpdates();
      PreparedCommit prepared =
          commit.forTask(
              runner.info(),
              runner.started(),
              runner.openChildren(),
              run.nextEventId(),
              task,
              inbox,
              recorded(inboxEvents, rejected),
              rejected,
              commands,
              now);
      if (!growth.allow(runner, prepared)) {
        return true;
      }
      CommitResult result = prepared.commit(store, dispatch);
      if (result instanceof CommitResult.Conflict conflict) {
        log.debug("workflow task of run {} lost a race: {}", run.runId(), conflict.reason());
        // run again (rebuilt from the store) unless the task itself was lost
        return conflict.write() instanceof Write.CompleteWorkflowTask;
      }
      metrics.committed(prepared.batch(), run.workflowType());
      metrics.workflowTask(run.workflowType(), started);
      runner.setNextEventId(run.nextEventId() + prepared.appendedEvents());
      runner.setHistoryBytes(runner.historyBytes() + prepared.appendedBytes());
      waiters.runProgressed(run.runId());
      if (!runner.isClosing()) {
        cache.put(runner);
        cached = true;
      }
      prepared.dispatch(dispatch);
      return true;
    } catch (WorkflowTaskFailedException e) {
      if (isNonDeterminism(e.getCause())) {
        metrics.nonDeterminism(run.workflowType());
      }
      fail(task, e.getCause());
      return true;
    } finally {
      if (!cached) {
        if (runner != null) {
          runner.destroy();
        }
        cache.release(run.runId());
      }
    }
  }

  private static boolean isNonDeterminism(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof NonDeterminismException) {
        return true;
      }
    }
    return false;
  }

  /** Lets go of a held run without caching its state. */
  private void drop(WorkflowCache.Taken taken, String runId) {
    if (taken.runner() != null) {
      taken.runner().destroy();
    }
    cache.release(runId);
  }

  private UnknownWorkflowTypeException unknownType(RunRecord run, WorkflowTaskRecord task) {
    return new UnknownWorkflowTypeException(
        run.workflowType(), task.taskQueue(), runners.workflowTypes(task.taskQueue()));
  }

  /** Ends the task without appending; it stays (visible now) if the inbox has events newer. */
  private void release(WorkflowTaskRecord task, Instant now, long consumedInboxId) {
    store
        .commit(
            Batch.of(
                new Write.CompleteWorkflowTask(
                    task.runId(), task.taskQueue(), task.leaseToken(), consumedInboxId, now)))
        .join();
  }

  private void dropLeftover(WorkflowTaskRecord task) {
    cache.invalidate(task.runId());
    store
        .commit(
            Batch.of(
                new Write.CompleteWorkflowTask(
                    task.runId(),
                    task.taskQueue(),
                    task.leaseToken(),
                    Long.MAX_VALUE,
                    clock.now())))
        .join();
  }

  private void fail(WorkflowTaskRecord task, Throwable cause) {
    Instant now = clock.now();
    long delayMillis =
        Math.min(MAX_RETRY_DELAY.toMillis(), 1000L << Math.min(16, task.attempt() - 1));
    Instant retryAt = now.plusMillis(delayMillis);
    if (task.attempt() == 1 || task.attempt() % 10 == 0) {
      log.warn(
          "workflow task of run {} failed (attempt {}); retrying at {}: {}",
          task.runId(),
          task.attempt(),
          retryAt,
          cause.toString(),
          cause);
    }
    CommitResult result =
        store
            .commit(
                Batch.of(
                    new Write.FailWorkflowTask(
                        task.runId(),
                        task.taskQueue(),
                        task.leaseToken(),
                        describe(cause),
                        retryAt,
                        details(cause))))
            .join();
    if (!result.committed()) {
      log.debug("could not record the failure of run {}'s workflow task", task.runId());
    }
  }

  /** The failure as data (the two sides of a non-determinism error), as JSON, or null. */
  private String details(Throwable cause) {
    WorkflowTaskFailureDetails details = WorkflowTaskFailureDetails.of(cause);
    return details == null ? null : new String(codec.encodeValue(details), StandardCharsets.UTF_8);
  }

  private static String describe(Throwable thrown) {
    Throwable cause =
        thrown instanceof CheckedExceptionWrapper wrapper ? wrapper.getCause() : thrown;
    StringWriter out = new StringWriter();
    out.append(cause.getClass().getName()).append(": ").append(String.valueOf(cause.getMessage()));
    StackTraceElement[] stack = cause.getStackTrace();
    PrintWriter writer = new PrintWriter(out);
    for (int i = 0; i < Math.min(stack.length, 12); i++) {
      writer.print("\n\tat " + stack[i]);
    }
    writer.flush();
    return out.toString();
  }

  /**
   * The inbox events as history records them: an accepted update request becomes {@code
   * UpdateAccepted}, a rejected one leaves nothing (null).
   */
  private static List<EventAttributes> recorded(
      List<EventAttributes> inboxEvents, Map<String, Failure> rejected) {
    List<EventAttributes> recorded = new ArrayList<>(inboxEvents.size());
    for (EventAttributes e : inboxEvents) {
      if (e instanceof EventAttributes.UpdateRequested r) {
        recorded.add(
            rejected.containsKey(r.updateId())
                ? null
                : new EventAttributes.UpdateAccepted(r.updateId(), r.updateName(), r.input()));
      } else {
        recorded.add(e);
      }
    }
    return recorded;
  }
}
