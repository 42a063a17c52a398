package dev.weft.internal.worker;

import dev.weft.failure.TimeoutType;
import dev.weft.history.EventAttributes;
import dev.weft.history.EventAttributes.WorkflowStarted;
import dev.weft.internal.engine.EngineContext;
import dev.weft.internal.engine.RunStarts;
import dev.weft.internal.engine.WorkflowRetries;
import dev.weft.store.Batch;
import dev.weft.store.EventRecord;
import dev.weft.store.RunRecord;
import dev.weft.store.RunStatus;
import dev.weft.store.TimerRecord;
import dev.weft.store.Write;
import dev.weft.workflow.WorkflowInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends runs that reach their deadline (run timeout, or the workflow's execution timeout) when their
 * deadline timer fires: records {@code WorkflowTimedOut}, closes the run as timed out and drops
 * what it left pending, in one transaction guarded by the run's next event ID. Like a termination,
 * it needs no worker and runs none of the workflow's code. A run timeout is retried under the
 * workflow's retry policy; an execution timeout ends the workflow.
 */
final class RunTimeouts {
  private static final Logger log = LoggerFactory.getLogger(RunTimeouts.class);
  private static final int ATTEMPTS = 20;

  private final EngineContext ctx;

  RunTimeouts(EngineContext ctx) {
    this.ctx = ctx;
  }

  /** Times out the run of a fired deadline timer, unless it closed meanwhile. */
  void timeOut(TimerRecord timer, Instant now) {
    for (int i = 0; i < ATTEMPTS; i++) {
      RunRecord run = ctx.store().findRun(timer.runId()).orElse(null);
      if (run == null || run.status().isClosed()) {
        ctx.store()
            .commit(Batch.of(new Write.DeleteTimer(timer.runId(), timer.seq(), false)))
            .join();
        return;
      }
      if (ctx.store().commit(timeOutBatch(run, timer, now)).join().committed()) {
        ctx.cache().invalidate(run.runId());
        log.info(
            "run {} of workflow '{}' timed out at its deadline {}",
            run.runId(),
            run.workflowId(),
            timer.fireAt());
        return;
      }
    }
    log.warn("run {} kept changing while timing out; the next pass retries", timer.runId());
  }

  private Batch timeOutBatch(RunRecord run, TimerRecord timer, Instant now) {
    WorkflowStarted started = started(run);
    TimeoutType type =
        started != null && RunStarts.isExecutionDeadline(started, timer.fireAt())
            ? TimeoutType.WORKFLOW_EXECUTION
            : TimeoutType.WORKFLOW_RUN;
    Optional<WorkflowRetries.Retry> retry =
        type == TimeoutType.WORKFLOW_RUN
            ? WorkflowRetries.plan(
                ctx,
                new WorkflowInfo(
                    run.namespace(),
                    run.workflowId(),
                    run.runId(),
                    run.workflowType(),
                    run.taskQueue()),
                started,
                type.name(),
                false,
                now)
            : Optional.empty();
    EventAttributes event =
        new EventAttributes.WorkflowTimedOut(
            type.name(), retry.map(WorkflowRetries.Retry::newRunId).orElse(null));
    List<Write> writes = new ArrayList<>();
    writes.add(
        new Write.AppendEvents(
            run.runId(), run.nextEventId(), List.of(ctx.record(run.nextEventId(), now, event))));
    writes.add(new Write.CloseRun(run.runId(), RunStatus.TIMED_OUT, now));
    writes.add(new Write.DeleteRunTasks(run.runId()));
    retry.ifPresent(r -> writes.addAll(r.writes()));
    return Batch.builder().addAll(writes).build();
  }

  private WorkflowStarted started(RunRecord run) {
    List<EventRecord> first = ctx.store().readHistory(run.runId(), 1);
    if (first.isEmpty()) {
      return null;
    }
    return ctx.codec().decode(first.get(0).data()) instanceof WorkflowStarted s ? s : null;
  }
}
