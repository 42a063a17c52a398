package dev.weft.internal.step;

import dev.weft.engine.WeftClock;
import dev.weft.history.EventAttributes;
import dev.weft.internal.engine.EagerDispatch;
import dev.weft.internal.engine.EngineMetrics;
import dev.weft.internal.engine.FlowControlView;
import dev.weft.internal.engine.QueueRegistration.WorkflowRegistration;
import dev.weft.internal.engine.RunWaiters;
import dev.weft.internal.engine.RunnerFactory;
import dev.weft.internal.engine.WorkflowCache;
import dev.weft.internal.runtime.WorkflowRunner;
import dev.weft.internal.runtime.WorkflowTaskFailedException;
import dev.weft.store.CommitResult;
import dev.weft.store.RunRecord;
import dev.weft.store.Store;
import dev.weft.store.Write;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fast path of a step: when an activity completes or a timer fires on this node, apply the
 * event to the run right here and commit the event, its own writes and the commands of the
 * resulting workflow task in one transaction: no inbox row, no workflow task row, no claim.
 *
 * <p>It only applies when this node can take the run exclusively (from the cache, or rebuilt by
 * replay when nobody here holds it) and the code runs cleanly. Anything else (the run is busy, a
 * race lost to another node, a failing workflow task, a run with inbox events it must see before it
 * closes) returns false, and the caller records the event the normal way, through the inbox.
 * Correctness never depends on this path: the batch is guarded by the run's next event ID.
 */
public final class EagerWorkflowTasks {
  private static final Logger log = LoggerFactory.getLogger(EagerWorkflowTasks.class);

  private final WorkflowCache cache;
  private final Store store;
  private final RunnerFactory runners;
  private final WeftClock clock;
  private final FlowControlView flowControl;
  private final RunWaiters waiters;
  private final WorkflowTaskCommit commit;
  private final HistoryGrowth growth;
  private final EagerDispatch dispatch;
  private final EngineMetrics metrics;

  public EagerWorkflowTasks(
      WorkflowCache cache,
      Store store,
      RunnerFactory runners,
      WeftClock clock,
      FlowControlView flowControl,
      RunWaiters waiters,
      WorkflowTaskCommit commit,
      HistoryGrowth growth,
      EagerDispatch dispatch,
      EngineMetrics metrics) {
    this.cache = cache;
    this.store = store;
    this.runners = runners;
    this.clock = clock;
    this.flowControl = flowControl;
    this.waiters = waiters;
    this.commit = commit;
    this.growth = growth;
    this.dispatch = dispatch;
    this.metrics = metrics;
  }

  /**
   * Tries to record {@code event} for the run together with the workflow task it triggers.
   *
   * @param eventWrites the writes that go with the event (complete the activity task, delete the
   *     timer); they are committed only together with the event
   * @return whether it committed; if not, nothing was written and the caller takes the normal path
   */
  public boolean tryAdvance(
      String runId, EventAttributes event, Instant eventTime, List<Write> eventWrites) {
    CommitResult result = advance(runId, List.of(event), eventTime, eventWrites);
    return result != null && result.committed();
  }

  /**
   * Tries to record {@code events}, in this order, for the run together with the one workflow task
   * that applies them all, like {@link #tryAdvance}.
   *
   * @param eventWrites the writes that go with the events; committed only together with them
   * @return the store's answer, or null when the path did not apply (nothing was sent to the
   *     store); a {@link CommitResult.Conflict} names the write whose condition failed, so that a
   *     caller can tell a write of its own (a stale lease) from a race lost by the run
   */
  public CommitResult advance(
      String runId, List<EventAttributes> events, Instant eventTime, List<Write> eventWrites) {
    long started = metrics.started();
    WorkflowCache.Taken taken = cache.take(runId);
    if (taken.busy()) {
      return null;
    }
    WorkflowRunner runner = taken.runner();
    boolean cached = false;
    try {
      if (runner != null && !awaitsAll(runner, events)) {
        // it never scheduled what an event answers: another node moved the run on since, and an
        // append from this state would only lose the race (and roll back the whole commit group)
        runner.destroy();
        runner = null;
      }
      if (runner == null) {
        runner = rebuild(runId);
        if (runner == null) {
          return null;
        }
      }
      if (runner.isClosing() || flowControl.current().isPaused(runner.info().taskQueue())) {
        return null;
      }
      Instant now = clock.now();
      List<EventAttributes> commands = runner.runTask(events, now, null);
      PreparedCommit prepared =
          commit.forEvents(
              runner.info(),
              runner.started(),
              runner.openChildren(),
              runner.nextEventId(),
              events,
              eventTime,
              guarded(runId, eventWrites),
              commands,
              now);
      if (!growth.allow(runner, prepared)) {
        return null;
      }
      CommitResult result = prepared.commit(store, dispatch);
      if (!result.committed()) {
        log.debug("eager workflow task of run {} lost a race: {}", runId, result);
        return result;
      }
      metrics.committed(prepared.batch(), runner.info().workflowType());
      metrics.workflowTask(runner.info().workflowType(), started);
      runner.setNextEventId(runner.nextEventId() + prepared.appendedEvents());
      runner.setHistoryBytes(runner.historyBytes() + prepared.appendedBytes());
      waiters.runProgressed(runId);
      if (!runner.isClosing()) {
        cache.put(runner);
        cached = true;
      }
      prepared.dispatch(dispatch);
      return result;
    } catch (WorkflowTaskFailedException e) {
      log.debug("eager workflow task of run {} failed; the normal path will record it", runId, e);
      return null;
    } finally {
      if (!cached) {
        if (runner != null) {
          runner.destroy();
        }
        cache.release(runId);
      }
    }
  }

  private static boolean awaitsAll(WorkflowRunner runner, List<EventAttributes> events) {
    for (EventAttributes event : events) {
      if (!runner.awaits(event)) {
        return false;
      }
    }
    return true;
  }

  /** The event's writes behind a guard: a paused run is not moved on here (its queue holds it). */
  private static List<Write> guarded(String runId, List<Write> eventWrites) {
    List<Write> writes = new ArrayList<>(eventWrites.size() + 1);
    writes.add(new Write.IfNotPaused(runId));
    writes.addAll(eventWrites);
    return writes;
  }

  /** Rebuilds a run that is not cached here by replaying its history, or returns null. */
  private WorkflowRunner rebuild(String runId) {
    RunRecord run = store.findRun(runId).orElse(null);
    if (run == null || run.status().isClosed()) {
      return null;
    }
    WorkflowRegistration registration =
        runners.find(run.taskQueue(), run.workflowType()).orElse(null);
    if (registration == null) {
      return null;
    }
    WorkflowRunner runner = runners.create(run, registration);
    try {
      List<EventAttributes> pending = runners.replay(runner, store.readHistory(runId, 1));
      if (pending.isEmpty() && runner.nextEventId() == run.nextEventId()) {
        return runner;
      }
      // its first workflow task has not run yet, or history moved meanwhile
    } catch (WorkflowTaskFailedException e) {
      log.debug("run {} does not replay; the normal path will record why", runId, e);
    }
    runner.destroy();
    return null;
  }
}
