package dev.weft.internal.client;

import dev.weft.client.WorkflowIdConflictPolicy;
import dev.weft.client.WorkflowOptions;
import dev.weft.client.WorkflowStatus;
import dev.weft.converter.Payload;
import dev.weft.failure.UnknownSignalException;
import dev.weft.failure.UnknownWorkflowTypeException;
import dev.weft.failure.WorkflowAlreadyStartedException;
import dev.weft.failure.WorkflowNotFoundException;
import dev.weft.failure.WorkflowNotRunningException;
import dev.weft.history.EventAttributes;
import dev.weft.history.IndexedValue;
import dev.weft.internal.definition.WorkflowDefinition;
import dev.weft.internal.engine.EngineContext;
import dev.weft.internal.engine.QueueRegistration;
import dev.weft.internal.engine.RunClosures;
import dev.weft.internal.engine.RunStarts;
import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.Pause;
import dev.weft.store.RunRecord;
import dev.weft.store.RunStatus;
import dev.weft.store.TaskKind;
import dev.weft.store.TaskLease;
import dev.weft.store.WorkflowTaskRecord;
import dev.weft.store.Write;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The client's writes: start, signal, cancel, terminate. Each validates its input first and then
 * commits one batch, so a refused request leaves the store unchanged.
 */
final class RunOperations {
  private static final int SIGNAL_WITH_START_ATTEMPTS = 20;

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
    StartPlan plan = planStart(workflowType, options, args);
    CommitResult result = commitStart(plan, List.of());
    if (result instanceof CommitResult.Conflict conflict) {
      String workflowId = plan.run().workflowId();
      RunRecord existing = ctx.store().findLatestRun(ctx.namespace(), workflowId).orElse(null);
      if (options.idConflictPolicy() == WorkflowIdConflictPolicy.USE_EXISTING
          && existing != null
          && existing.status() == RunStatus.RUNNING) {
        return existing;
      }
      throw alreadyStarted(workflowId, existing, conflict, options);
    }
    return plan.run();
  }

  /**
   * Signals the running run of the options' workflow ID, or starts a run with the signal already in
   * its inbox (so its first workflow task sees it), atomically; if a race makes the other case true
   * meanwhile, tries again.
   */
  RunRecord signalWithStart(
      String workflowType,
      WorkflowOptions options,
      Object[] args,
      String signalName,
      Object[] signalArgs) {
    if (options.workflowId() == null) {
      throw new IllegalArgumentException(
          "signal-with-start needs WorkflowOptions.workflowId: it signals that workflow if running");
    }
    checkSignal(workflowType, signalName);
    Payload signalInput =
        ctx.payloads().encodeArguments(signalArgs, "input of signal '" + signalName + "'");
    StartPlan plan = planStart(workflowType, options, args);
    for (int attempt = 0; attempt < SIGNAL_WITH_START_ATTEMPTS; attempt++) {
      RunRecord current =
          ctx.store().findLatestRun(ctx.namespace(), options.workflowId()).orElse(null);
      if (current != null && current.status() == RunStatus.RUNNING) {
        if (tryDeliver(current, new EventAttributes.SignalReceived(signalName, signalInput))) {
          return current;
        }
        continue;
      }
      EventAttributes signal = new EventAttributes.SignalReceived(signalName, signalInput);
      Instant now = plan.now();
      CommitResult result =
          commitStart(
              plan,
              List.of(
                  new Write.InsertInbox(
                      plan.run().runId(),
                      signal.getClass().getSimpleName(),
                      now,
                      ctx.codec().encode(signal))));
      if (result.committed()) {
        return plan.run();
      }
      RunRecord existing =
          ctx.store().findLatestRun(ctx.namespace(), options.workflowId()).orElse(null);
      if (existing == null || existing.status() != RunStatus.RUNNING) {
        throw alreadyStarted(
            options.workflowId(), existing, (CommitResult.Conflict) result, options);
      }
      plan = planStart(workflowType, options, args);
    }
    throw new IllegalStateException(
        "signal-with-start of workflow '"
            + options.workflowId()
            + "' kept racing with other starts and closes; try again");
  }

  /** What a start writes: the run, its start event, its first workflow task (maybe leased here). */
  private record StartPlan(RunRecord run, List<Write> writes, TaskLease eager, Instant now) {}

  private StartPlan planStart(String workflowType, WorkflowOptions options, Object[] args) {
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
    String where = "the start of workflow '" + workflowType + "'";
    Map<String, IndexedValue> searchAttributes =
        ctx.searchAttributes().index(options.searchAttributes(), where);
    Payload memo =
        options.memo().isEmpty()
            ? null
            : ctx.payloads().encode(new TreeMap<>(options.memo()), "memo of " + where);
    Instant now = ctx.clock().now();
    RunRecord run = RunRecord.started(ctx.namespace(), workflowId, runId, workflowType, queue, now);
    EventAttributes.WorkflowStarted started =
        new EventAttributes.WorkflowStarted(
            workflowType,
            workflowId,
            queue,
            input,
            null,
            null,
            1,
            options.workflowExecutionTimeout() == null
                ? null
                : now.plus(options.workflowExecutionTimeout()),
            options.workflowRunTimeout(),
            options.retryPolicy(),
            searchAttributes,
            memo,
            options.priority().resolve(null));
    return new StartPlan(
        run,
        RunStarts.writes(
            ctx, run, started, RunStarts.conflictingStatuses(options.idReusePolicy()), now, now),
        null,
        now);
  }

  /**
   * Commits a start plan with extra writes and its first workflow task, leased to this node and run
   * at once when this node serves the queue and has a free slot.
   */
  private CommitResult commitStart(StartPlan plan, List<Write> extra) {
    String queue = plan.run().taskQueue();
    TaskLease eager = eagerLease(queue, plan.now());
    Batch batch =
        Batch.builder()
            .addAll(plan.writes())
            .addAll(extra)
            .add(new Write.EnsureWorkflowTask(plan.run().runId(), queue, plan.now(), eager))
            .build();
    CommitResult result;
    try {
      result = ctx.store().commit(batch).join();
    } catch (RuntimeException e) {
      releaseEager(eager, queue);
      throw e;
    }
    if (!result.committed()) {
      releaseEager(eager, queue);
    } else if (eager != null) {
      ctx.dispatcher()
          .run(
              new WorkflowTaskRecord(
                  plan.run().runId(), queue, eager.until(), 1, null, eager.owner(), eager.token()));
    }
    return result;
  }

  private static WorkflowAlreadyStartedException alreadyStarted(
      String workflowId,
      RunRecord existing,
      CommitResult.Conflict conflict,
      WorkflowOptions options) {
    return new WorkflowAlreadyStartedException(
        workflowId,
        existing == null ? null : existing.runId(),
        conflict.reason() + " (ID reuse policy " + options.idReusePolicy() + ")");
  }

  /** Leases the first workflow task of a new run to this node when it can run it at once. */
  private TaskLease eagerLease(String queue, Instant now) {
    if (ctx.flowControl().current().isPaused(queue)
        || !ctx.dispatcher().tryReserve(TaskKind.WORKFLOW, queue, null)) {
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

  void signal(RunRecord run, String signalName, Object[] args) {
    checkSignal(run.workflowType(), signalName);
    Payload input = ctx.payloads().encodeArguments(args, "input of signal '" + signalName + "'");
    deliver(
        run, new EventAttributes.SignalReceived(signalName, input), "signal '" + signalName + "'");
  }

  private void checkSignal(String workflowType, String signalName) {
    Optional<WorkflowDefinition> definition = ctx.registry().definition(workflowType);
    if (definition.isPresent() && !definition.get().signals().containsKey(signalName)) {
      throw new UnknownSignalException(
          workflowType, signalName, definition.get().signals().keySet());
    }
  }

  void cancel(RunRecord run, String reason) {
    deliver(run, new EventAttributes.WorkflowCancelRequested(reason), "cancel");
  }

  private void deliver(RunRecord run, EventAttributes event, String operation) {
    if (!tryDeliver(run, event)) {
      throw notRunning(operation, run.runId());
    }
  }

  /** Puts an event in a running run's inbox; returns false if the run is not running. */
  private boolean tryDeliver(RunRecord run, EventAttributes event) {
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
    return result.committed();
  }

  void pause(RunRecord run, String reason) {
    CommitResult result =
        ctx.store()
            .commit(
                Batch.of(
                    new Write.PauseRun(
                        run.runId(), new Pause(ctx.clock().now(), reason, ctx.nodeId()))))
            .join();
    if (!result.committed()) {
      throw notRunning("pause", run.runId());
    }
  }

  void resume(RunRecord run) {
    CommitResult result = ctx.store().commit(Batch.of(new Write.ResumeRun(run.runId()))).join();
    if (!result.committed()) {
      throw notRunning("resume", run.runId());
    }
  }

  void terminate(RunRecord target, String reason) {
    if (!RunClosures.terminate(ctx, target.runId(), reason)) {
      throw notRunning("terminate", target.runId());
    }
  }

  private WorkflowNotRunningException notRunning(String operation, String runId) {
    RunRecord run = ctx.store().findRun(runId).orElseThrow();
    return new WorkflowNotRunningException(
        operation, run.workflowId(), runId, WorkflowStatus.valueOf(run.status().name()));
  }
}
