package dev.weft.internal.worker;

import dev.weft.common.WorkflowStatus;
import dev.weft.failure.TimeoutType;
import dev.weft.history.EventAttributes;
import dev.weft.history.EventAttributes.WorkflowStarted;
import dev.weft.history.Failure;
import dev.weft.internal.step.RunClosures;
import dev.weft.internal.step.RunStarts;
import dev.weft.internal.step.WorkflowRetries;
import dev.weft.store.Batch;
import dev.weft.store.Store;
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
public final class RunTimeouts {
  private static final Logger log = LoggerFactory.getLogger(RunTimeouts.class);

  private final Store store;
  private final RunClosures closures;
  private final WorkflowRetries retries;

  public RunTimeouts(Store store, RunClosures closures, WorkflowRetries retries) {
    this.store = store;
    this.closures = closures;
    this.retries = retries;
  }

  /** Times out the run of a fired deadline timer, unless it closed meanwhile. */
  void timeOut(TimerRecord timer, Instant now) {
    boolean closed =
        closures.close(
            timer.runId(),
            (run, history) -> {
              WorkflowStarted started = RunClosures.started(history);
              TimeoutType type =
                  started != null && RunStarts.isExecutionDeadline(started, timer.fireAt())
                      ? TimeoutType.WORKFLOW_EXECUTION
                      : TimeoutType.WORKFLOW_RUN;
              Optional<WorkflowRetries.Retry> retry =
                  type == TimeoutType.WORKFLOW_RUN
                      ? retries.plan(
                          new WorkflowInfo(
                              run.namespace(),
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
                  WorkflowStatus.TIMED_OUT,
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
      store.commit(Batch.of(new Write.DeleteTimer(timer.runId(), timer.seq(), false))).join();
    }
  }
}
