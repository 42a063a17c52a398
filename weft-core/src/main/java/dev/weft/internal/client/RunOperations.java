package dev.weft.internal.client;

import dev.weft.client.WorkflowIdConflictPolicy;
import dev.weft.client.WorkflowIdReusePolicy;
import dev.weft.client.WorkflowOptions;
import dev.weft.client.WorkflowStatus;
import dev.weft.converter.Payload;
import dev.weft.failure.UnknownSignalException;
import dev.weft.failure.UnknownWorkflowTypeException;
import dev.weft.failure.WorkflowAlreadyStartedException;
import dev.weft.failure.WorkflowNotFoundException;
import dev.weft.failure.WorkflowNotRunningException;
import dev.weft.history.EventAttributes;
import dev.weft.internal.definition.WorkflowDefinition;
import dev.weft.internal.engine.EngineContext;
import dev.weft.internal.engine.QueueRegistration;
import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.RunRecord;
import dev.weft.store.RunStatus;
import dev.weft.store.TaskKind;
import dev.weft.store.TaskLease;
import dev.weft.store.WorkflowTaskRecord;
import dev.weft.store.Write;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The client's writes: start, signal, cancel, terminate. Each validates its input first and then
 * commits one batch, so a refused request leaves the store unchanged.
 */
final class RunOperations {
  private static final int TERMINATE_ATTEMPTS = 50;

  private final EngineContext ctx;

  RunOperations(EngineContext ctx) {
    this.ctx = ctx;
  }

  /** Finds a run by ID, or the latest run of a workflow ID when {@code runId} is null. */
  RunRecord resolve(String workflowId, String runId) {
    Optional<RunRecord> run =
        runId != null
            ? ctx.store().findRun(runId).filter(r -> r.workflowId().equals(workflowId))
            : ctx.store().findLatestRun(ctx.namespace(), workflowId);
    return run.orElseThrow(() -> new WorkflowNotFoundException(workflowId, runId));
  }

  RunRecord start(String workflowType, WorkflowOptions options, Object[] args) {
    String queue = options.taskQueue();
    Optional<QueueRegistration> served = ctx.registry().find(queue);
    if (served.isPresent()
        && served.get().hasWorkflows()
        && served.get().workflow(workflowType) == null) {
      throw new UnknownWorkflowTypeException(workflowType, queue, served.get().workflowTypes());
    }
    Payload input =
        ctx.payloads().encodeArguments(args, "input of workflow '" + workflowType + "'");
    String workflowId = options.workflowId() != null ? options.workflowId() : ctx.ids().next();
    String runId = ctx.ids().next();
    Instant now = ctx.clock().now();
    RunRecord run = RunRecord.started(ctx.namespace(), workflowId, runId, workflowType, queue, now);
    EventAttributes started =
        new EventAttributes.WorkflowStarted(workflowType, workflowId, queue, input);
    TaskLease eager = eagerLease(queue, now);
    Batch batch =
        Batch.of(
            new Write.InsertRun(run, conflictingStatuses(options.idReusePolicy())),
            new Write.AppendEvents(runId, 1, List.of(ctx.record(1, now, started))),
            new Write.EnsureWorkflowTask(runId, queue, now, eager));
    CommitResult result;
    try {
      result = ctx.store().commit(batch).join();
    } catch (RuntimeException e) {
      releaseEager(eager, queue);
      throw e;
    }
    if (eager != null && result.committed()) {
      ctx.dispatcher()
          .run(
              new WorkflowTaskRecord(
                  runId, queue, eager.until(), 1, null, eager.owner(), eager.token()));
    }
    if (result instanceof CommitResult.Conflict conflict) {
      releaseEager(eager, queue);
      RunRecord existing = ctx.store().findLatestRun(ctx.namespace(), workflowId).orElse(null);
      if (options.idConflictPolicy() == WorkflowIdConflictPolicy.USE_EXISTING
          && existing != null
          && existing.status() == RunStatus.RUNNING) {
        return existing;
      }
      throw new WorkflowAlreadyStartedException(
          workflowId,
          existing == null ? null : existing.runId(),
          conflict.reason() + " (ID reuse policy " + options.idReusePolicy() + ")");
    }
    return run;
  }

  /** Leases the first workflow task of a new run to this node when it can run it at once. */
  private TaskLease eagerLease(String queue, Instant now) {
    if (!ctx.dispatcher().tryReserve(TaskKind.WORKFLOW, queue, null)) {
      return null;
    }
    return new TaskLease(
        ctx.nodeId(),
        ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE),
        now,
        now.plus(ctx.workflowTaskLease()));
  }

  private void releaseEager(TaskLease eager, String queue) {
    if (eager != null) {
      ctx.dispatcher().release(TaskKind.WORKFLOW, queue);
    }
  }

  private static Set<RunStatus> conflictingStatuses(WorkflowIdReusePolicy policy) {
    return switch (policy) {
      case ALLOW_DUPLICATE -> EnumSet.of(RunStatus.RUNNING);
      case ALLOW_DUPLICATE_FAILED_ONLY -> EnumSet.of(RunStatus.RUNNING, RunStatus.COMPLETED);
      case REJECT_DUPLICATE -> EnumSet.allOf(RunStatus.class);
    };
  }

  void signal(RunRecord run, String signalName, Object[] args) {
    Optional<WorkflowDefinition> definition = ctx.registry().definition(run.workflowType());
    if (definition.isPresent() && !definition.get().signals().containsKey(signalName)) {
      throw new UnknownSignalException(
          run.workflowType(), signalName, definition.get().signals().keySet());
    }
    Payload input = ctx.payloads().encodeArguments(args, "input of signal '" + signalName + "'");
    deliver(
        run, new EventAttributes.SignalReceived(signalName, input), "signal '" + signalName + "'");
  }

  void cancel(RunRecord run, String reason) {
    deliver(run, new EventAttributes.WorkflowCancelRequested(reason), "cancel");
  }

  private void deliver(RunRecord run, EventAttributes event, String operation) {
    Instant now = ctx.clock().now();
    CommitResult result =
        ctx.store()
            .commit(
                Batch.of(
                    new Write.InsertInbox(
                        run.runId(),
                        event.getClass().getSimpleName(),
                        now,
                        ctx.codec().encode(event)),
                    new Write.EnsureWorkflowTask(run.runId(), run.taskQueue(), now)))
            .join();
    if (!result.committed()) {
      throw notRunning(operation, run.runId());
    }
  }

  void terminate(RunRecord target, String reason) {
    for (int i = 0; i < TERMINATE_ATTEMPTS; i++) {
      RunRecord run = ctx.store().findRun(target.runId()).orElseThrow();
      if (run.status().isClosed()) {
        throw notRunning("terminate", run.runId());
      }
      Instant now = ctx.clock().now();
      EventAttributes event = new EventAttributes.WorkflowTerminated(reason);
      CommitResult result =
          ctx.store()
              .commit(
                  Batch.of(
                      new Write.AppendEvents(
                          run.runId(),
                          run.nextEventId(),
                          List.of(ctx.record(run.nextEventId(), now, event))),
                      new Write.CloseRun(run.runId(), RunStatus.TERMINATED, now),
                      new Write.DeleteRunTasks(run.runId())))
              .join();
      if (result.committed()) {
        return;
      }
    }
    throw new IllegalStateException(
        "could not terminate run " + target.runId() + ": it kept changing under the request");
  }

  private WorkflowNotRunningException notRunning(String operation, String runId) {
    RunRecord run = ctx.store().findRun(runId).orElseThrow();
    return new WorkflowNotRunningException(
        operation, run.workflowId(), runId, WorkflowStatus.valueOf(run.status().name()));
  }
}
