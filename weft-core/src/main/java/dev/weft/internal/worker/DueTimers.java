package dev.weft.internal.worker;

import dev.weft.history.EventAttributes;
import dev.weft.history.HistoryEvent;
import dev.weft.internal.codec.EventCodec;
import dev.weft.internal.codec.EventRecords;
import dev.weft.internal.engine.EngineMetrics;
import dev.weft.internal.step.ChildWorkflows;
import dev.weft.internal.step.EagerWorkflowTasks;
import dev.weft.internal.step.RunClosures;
import dev.weft.internal.step.RunStarts;
import dev.weft.store.Batch;
import dev.weft.store.RunRecord;
import dev.weft.store.Store;
import dev.weft.store.TimerRecord;
import dev.weft.store.Write;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Fires due timers: a timer of the code becomes {@code TimerFired} for its run (with the workflow
 * task it triggers when this node can run it, else through the inbox); a run's deadline timer times
 * the run out; a parent-close timer terminates the child it was set on.
 */
public final class DueTimers {
  private final Store store;
  private final EventCodec codec;
  private final EventRecords records;
  private final EagerWorkflowTasks eager;
  private final RunTimeouts runTimeouts;
  private final RunClosures closures;
  private final EngineMetrics metrics;

  public DueTimers(
      Store store,
      EventCodec codec,
      EventRecords records,
      EagerWorkflowTasks eager,
      RunTimeouts runTimeouts,
      RunClosures closures,
      EngineMetrics metrics) {
    this.store = store;
    this.codec = codec;
    this.records = records;
    this.eager = eager;
    this.runTimeouts = runTimeouts;
    this.closures = closures;
    this.metrics = metrics;
  }

  /** Fires one timer: with the workflow task it triggers if possible, else through the inbox. */
  void fire(TimerRecord timer, Instant now) {
    if (timer.seq() == RunStarts.DEADLINE_TIMER_SEQ) {
      runTimeouts.timeOut(timer, now);
      return;
    }
    if (timer.seq() == ChildWorkflows.TERMINATE_TIMER_SEQ) {
      terminateChild(timer);
      return;
    }
    metrics.timerFired(timer.fireAt(), now);
    EventAttributes.TimerFired fired = new EventAttributes.TimerFired(timer.seq());
    if (eager.tryAdvance(
        timer.runId(),
        fired,
        now,
        List.of(new Write.DeleteTimer(timer.runId(), timer.seq(), true)))) {
      return;
    }
    Optional<RunRecord> run = store.findRun(timer.runId());
    if (run.isEmpty() || run.get().status().isClosed()) {
      store.commit(Batch.of(new Write.DeleteTimer(timer.runId(), timer.seq(), false))).join();
      return;
    }
    store
        .commit(
            Batch.of(
                new Write.DeleteTimer(timer.runId(), timer.seq(), true),
                new Write.InsertInbox(timer.runId(), "TimerFired", now, codec.encode(fired)),
                new Write.EnsureWorkflowTask(timer.runId(), run.get().taskQueue(), now)))
        .join();
  }

  /** Terminates a child whose parent closed under the TERMINATE policy. */
  private void terminateChild(TimerRecord timer) {
    List<HistoryEvent> first = records.decode(store.readHistory(timer.runId(), 1));
    EventAttributes.WorkflowStarted started = RunClosures.started(first);
    String reason =
        started == null || started.parent() == null
            ? "terminated by its parent's close policy"
            : "parent workflow '"
                + started.parent().workflowId()
                + "' (run "
                + started.parent().runId()
                + ") closed; parent close policy TERMINATE";
    if (!closures.terminate(timer.runId(), reason)) {
      store.commit(Batch.of(new Write.DeleteTimer(timer.runId(), timer.seq(), false))).join();
    }
  }
}
