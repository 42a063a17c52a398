package dev.weft.internal.client;

import dev.weft.client.WorkflowIdConflictPolicy;
import dev.weft.client.WorkflowOptions;
import dev.weft.common.WorkflowStatus;
import dev.weft.converter.Payload;
import dev.weft.history.EventAttributes;
import dev.weft.internal.codec.EventCodec;
import dev.weft.internal.codec.EventRecords;
import dev.weft.internal.codec.PayloadConverter;
import dev.weft.internal.engine.EngineMetrics;
import dev.weft.internal.step.FirstTaskLeases;
import dev.weft.internal.step.RunClosures;
import dev.weft.internal.step.RunStarts;
import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.RunRecord;
import dev.weft.store.Store;
import dev.weft.store.TaskLease;
import dev.weft.store.Write;
import java.time.Instant;
import java.util.List;

/**
 * The client's starts: a run, its start event and its first workflow task in one batch (the task
 * leased to this node and run at once when it can), refused as the workflow ID reuse and conflict
 * policies say, or with the running run terminated in the same batch (TERMINATE_EXISTING); and
 * signal-with-start.
 */
public final class Starts {
  private static final int SIGNAL_WITH_START_ATTEMPTS = 20;
  private static final int REPLACE_ATTEMPTS = 20;

  private final String namespace;
  private final Store store;
  private final EventCodec codec;
  private final PayloadConverter payloads;
  private final StartPlans plans;
  private final FirstTaskLeases leases;
  private final RunControls controls;
  private final RunClosures closures;
  private final EventRecords records;
  private final EngineMetrics metrics;

  public Starts(
      String namespace,
      Store store,
      EventCodec codec,
      PayloadConverter payloads,
      StartPlans plans,
      FirstTaskLeases leases,
      RunControls controls,
      RunClosures closures,
      EventRecords records,
      EngineMetrics metrics) {
    this.namespace = namespace;
    this.store = store;
    this.codec = codec;
    this.payloads = payloads;
    this.plans = plans;
    this.leases = leases;
    this.controls = controls;
    this.closures = closures;
    this.metrics = metrics;
    this.records = records;
  }

  RunRecord start(String workflowType, WorkflowOptions options, Object[] args) {
    StartPlans.StartPlan plan = plans.plan(workflowType, options, args);
    String workflowId = plan.run().workflowId();
    boolean replace = options.idConflictPolicy() == WorkflowIdConflictPolicy.TERMINATE_EXISTING;
    for (int attempt = 1; ; attempt++) {
      List<Write> terminate = replace ? terminateRunning(workflowId, plan) : List.of();
      CommitResult result = commitStart(terminate, plan, List.of());
      if (result.committed()) {
        return plan.run();
      }
      CommitResult.Conflict conflict = (CommitResult.Conflict) result;
      RunRecord existing = store.findLatestRun(namespace, workflowId).orElse(null);
      boolean running = existing != null && existing.status() == WorkflowStatus.RUNNING;
      if (options.idConflictPolicy() == WorkflowIdConflictPolicy.USE_EXISTING && running) {
        return existing;
      }
      boolean reuseRefusesReplacing =
          RunStarts.conflictingStatuses(options.idReusePolicy())
              .contains(WorkflowStatus.TERMINATED);
      if (!replace || !running || reuseRefusesReplacing) {
        throw StartConflicts.refused(workflowId, existing, conflict, options);
      }
      if (attempt == REPLACE_ATTEMPTS) {
        throw new IllegalStateException(
            "start of workflow '"
                + workflowId
                + "' with WorkflowIdConflictPolicy.TERMINATE_EXISTING kept racing with its"
                + " running run "
                + existing.runId()
                + "; try again");
      }
      // the running run moved on (or another start came) while its termination was prepared
    }
  }

  /**
   * Starts a run with the writes {@code alongWith} returns for its run ID committed in the same
   * batch; returns null, with nothing written, if one of those writes' conditions did not hold.
   *
   * @throws WorkflowAlreadyStartedException if the ID reuse or conflict policy refuses the start
   */
  RunRecord startWithWrites(
      String workflowType,
      WorkflowOptions options,
      java.util.function.Function<String, List<Write>> alongWith,
      Object[] args) {
    StartPlans.StartPlan plan = plans.plan(workflowType, options, args);
    List<Write> extra = List.copyOf(alongWith.apply(plan.run().runId()));
    CommitResult result = commitStart(plan, extra);
    if (result.committed()) {
      return plan.run();
    }
    CommitResult.Conflict conflict = (CommitResult.Conflict) result;
    for (Write w : extra) {
      if (w == conflict.write()) {
        return null;
      }
    }
    String workflowId = plan.run().workflowId();
    throw StartConflicts.refused(
        workflowId, store.findLatestRun(namespace, workflowId).orElse(null), conflict, options);
  }

  /** The writes that terminate the workflow's running run for a start that replaces it. */
  private List<Write> terminateRunning(String workflowId, StartPlans.StartPlan plan) {
    RunRecord running =
        store
            .findLatestRun(namespace, workflowId)
            .filter(r -> r.status() == WorkflowStatus.RUNNING)
            .orElse(null);
    if (running == null) {
      return List.of();
    }
    String reason =
        "replaced by run "
            + plan.run().runId()
            + ", started with WorkflowIdConflictPolicy.TERMINATE_EXISTING";
    return closures.writes(
        running,
        records.decode(store.readHistory(running.runId(), 1)),
        RunClosures.terminated(reason),
        plan.now());
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
    controls.checkSignal(workflowType, signalName);
    Payload signalInput =
        payloads.encodeArguments(signalArgs, "input of signal '" + signalName + "'");
    StartPlans.StartPlan plan = plans.plan(workflowType, options, args);
    for (int attempt = 0; attempt < SIGNAL_WITH_START_ATTEMPTS; attempt++) {
      RunRecord current = store.findLatestRun(namespace, options.workflowId()).orElse(null);
      if (current != null && current.status() == WorkflowStatus.RUNNING) {
        // as in Temporal, a signal-with-start ends a running run's start delay
        if (controls.tryDeliver(
            current, new EventAttributes.SignalReceived(signalName, signalInput), true)) {
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
                      codec.encode(signal))));
      if (result.committed()) {
        return plan.run();
      }
      RunRecord existing = store.findLatestRun(namespace, options.workflowId()).orElse(null);
      if (existing == null || existing.status() != WorkflowStatus.RUNNING) {
        throw StartConflicts.refused(
            options.workflowId(), existing, (CommitResult.Conflict) result, options);
      }
      plan = plans.plan(workflowType, options, args);
    }
    throw new IllegalStateException(
        "signal-with-start of workflow '"
            + options.workflowId()
            + "' kept racing with other starts and closes; try again");
  }

  /**
   * Commits a start plan with extra writes and its first workflow task, leased to this node and run
   * at once when this node serves the queue and has a free slot.
   */
  CommitResult commitStart(StartPlans.StartPlan plan, List<Write> extra) {
    return commitStart(List.of(), plan, extra);
  }

  /**
   * Commits a start plan after {@code before} (the termination of the run it replaces) and with
   * {@code extra} writes after it.
   */
  private CommitResult commitStart(
      List<Write> before, StartPlans.StartPlan plan, List<Write> extra) {
    String queue = plan.run().taskQueue();
    // a delayed first task is due later: it waits in the store, never leased at once
    TaskLease eager = plan.delayed() ? null : leases.tryLease(queue, plan.now());
    Batch batch =
        Batch.builder()
            .addAll(before)
            .addAll(plan.writes())
            .addAll(extra)
            .add(new Write.EnsureWorkflowTask(plan.run().runId(), queue, plan.firstTaskAt(), eager))
            .build();
    CommitResult result;
    try {
      result = store.commit(batch).join();
    } catch (RuntimeException e) {
      releaseEager(eager, queue);
      throw e;
    }
    if (!result.committed()) {
      releaseEager(eager, queue);
      return result;
    }
    // a replaced run (TERMINATE_EXISTING) counts as closed under the type being started
    metrics.committed(batch, plan.run().workflowType());
    if (eager != null) {
      leases.run(plan.run().runId(), queue, eager);
    }
    return result;
  }

  private void releaseEager(TaskLease eager, String queue) {
    if (eager != null) {
      leases.release(queue);
    }
  }
}
