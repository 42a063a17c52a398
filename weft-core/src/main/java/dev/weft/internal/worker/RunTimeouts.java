package dev.weft.internal.worker;

import dev.weft.failure.TimeoutType;
import dev.weft.history.EventAttributes;
import dev.weft.history.EventAttributes.WorkflowStarted;
import dev.weft.history.Failure;
import dev.weft.internal.engine.EngineContext;
import dev.weft.internal.engine.RunClosures;
import dev.weft.internal.engine.RunStarts;
import dev.weft.internal.engine.WorkflowRetries;
import dev.weft.store.Batch;
import dev.weft.store.RunStatus;
import dev.weft.store.TimerRecord;
import dev.weft.store.Write;
import dev.weft.workflow.WorkflowInfo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends runs whose deadline timer fires (run timeout, or the workflow's execution timeout): records
 * {@code WorkflowTimedOut} and closes the run as timed out ({@link RunClosures}). Like a
 * termination, it needs no worker and runs none of the workflow's code. A run timeout is retried
 * under the workflow's retry policy; an execution timeout ends the workflow.
 */
final class RunTimeouts {
  private static final Logger log = LoggerFactory.getLogger(RunTimeouts.class);

  private final EngineContext ctx;

  RunTimeouts(EngineContext ctx) {
    this.ctx = ctx;
  }

  /** Times out the run of a fired deadline timer, unless it closed meanwhile. */
  void timeOut(TimerRecord timer, Instant now) {
    boolean closed =
        RunClosures.close(
            ctx,
            timer.runId(),
            history -> {
              WorkflowStarted started = RunClosures.started(history);
              TimeoutType type =
                  started != null && RunStarts.isExecutionDeadline(started, timer.fireAt())
                      ? TimeoutType.WORKFLOW_EXECUTION
                      : TimeoutType.WORKFLOW_RUN;
              Optional<WorkflowRetries.Retry> retry =
                  type == TimeoutType.WORKFLOW_RUN
                      ? WorkflowRetries.plan(
                          ctx,
                          new WorkflowInfo(
                              ctx.namespace(),
                              started.workflowId(),
                              timer.runId(),
                              started.workflowType(),
                              started.taskQueue()),
                          started,
                          type.name(),
                          false,
                          now)
                      : Optional.empty();
              return new RunClosures.Closing(
                  new EventAttributes.WorkflowTimedOut(
                      type.name(), retry.map(WorkflowRetries.Retry::newRunId).orElse(null)),
                  RunStatus.TIMED_OUT,
                  new Failure(
                      Failure.TIMEOUT,
                      type.name(),
                      "workflow timed out (" + type + ")",
                      "",
                      false,
                      0,
                      0,
                      null),
                  retry.map(WorkflowRetries.Retry::writes).orElse(List.of()));
            });
    if (closed) {
      log.info("run {} timed out at its deadline {}", timer.runId(), timer.fireAt());
    } else {
      ctx.store().commit(Batch.of(new Write.DeleteTimer(timer.runId(), timer.seq(), false))).join();
    }
  }
}
