package dev.weft.internal.worker;

import dev.weft.history.EventAttributes;
import dev.weft.internal.engine.EngineContext;
import dev.weft.internal.engine.QueueRegistration.WorkflowRegistration;
import dev.weft.internal.runtime.HistoryReplayer;
import dev.weft.internal.runtime.WorkflowRunner;
import dev.weft.internal.runtime.WorkflowTaskFailedException;
import dev.weft.store.CommitResult;
import dev.weft.store.RunRecord;
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

  private final EngineContext ctx;
  private final Dispatcher dispatcher;

  public EagerWorkflowTasks(EngineContext ctx, Dispatcher dispatcher) {
    this.ctx = ctx;
    this.dispatcher = dispatcher;
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
    WorkflowCache.Taken taken = ctx.cache().take(runId);
    if (taken.busy()) {
      return false;
    }
    WorkflowRunner runner = taken.runner();
    boolean cached = false;
    try {
      if (runner != null && !runner.awaits(event)) {
        // it never scheduled what the event answers: another node moved the run on since, and an
        // append from this state would only lose the race (and roll back the whole commit group)
        runner.destroy();
        runner = null;
      }
      if (runner == null) {
        runner = rebuild(runId);
        if (runner == null) {
          return false;
        }
      }
      if (runner.isClosing() || ctx.flowControl().current().isPaused(runner.info().taskQueue())) {
        return false;
      }
      Instant now = ctx.clock().now();
      List<EventAttributes> commands = runner.runTask(List.of(event), now, null);
      WorkflowTaskCommit.Prepared prepared =
          WorkflowTaskCommit.forEvent(
              ctx,
              dispatcher,
              runner.info(),
              runner.started(),
              runner.openChildren(),
              runner.nextEventId(),
              event,
              eventTime,
              guarded(runId, eventWrites),
              commands,
              now);
      if (!HistoryGrowth.allow(ctx, dispatcher, runner, prepared)) {
        return false;
      }
      CommitResult result = prepared.commit(ctx.store(), dispatcher);
      if (!result.committed()) {
        log.debug("eager workflow task of run {} lost a race: {}", runId, result);
        return false;
      }
      runner.setNextEventId(runner.nextEventId() + prepared.appendedEvents());
      runner.setHistoryBytes(runner.historyBytes() + prepared.appendedBytes());
      ctx.waiters().runProgressed(runId);
      if (!runner.isClosing()) {
        ctx.cache().put(runner);
        cached = true;
      }
      prepared.dispatch(dispatcher);
      return true;
    } catch (WorkflowTaskFailedException e) {
      log.debug("eager workflow task of run {} failed; the normal path will record it", runId, e);
      return false;
    } finally {
      if (!cached) {
        if (runner != null) {
          runner.destroy();
        }
        ctx.cache().release(runId);
      }
    }
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
    RunRecord run = ctx.store().findRun(runId).orElse(null);
    if (run == null || run.status().isClosed()) {
      return null;
    }
    WorkflowRegistration registration =
        ctx.registry().find(run.taskQueue()).map(q -> q.workflow(run.workflowType())).orElse(null);
    if (registration == null) {
      return null;
    }
    WorkflowRunner runner = ctx.newRunner(run, registration);
    try {
      List<EventAttributes> pending =
          HistoryReplayer.replay(runner, ctx.decode(ctx.store().readHistory(runId, 1)));
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
