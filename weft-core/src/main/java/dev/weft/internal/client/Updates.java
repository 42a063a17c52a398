package dev.weft.internal.client;

import dev.weft.converter.Payload;
import dev.weft.engine.WeftClock;
import dev.weft.failure.UnknownUpdateException;
import dev.weft.failure.UpdateFailedException;
import dev.weft.failure.UpdateRejectedException;
import dev.weft.failure.WorkflowNotRunningException;
import dev.weft.history.EventAttributes;
import dev.weft.internal.codec.EventCodec;
import dev.weft.internal.codec.FailureConverter;
import dev.weft.internal.codec.PayloadConverter;
import dev.weft.internal.definition.WorkflowDefinition;
import dev.weft.internal.engine.Registry;
import dev.weft.internal.engine.RunWaiters;
import dev.weft.internal.engine.TimeOrderedIds;
import dev.weft.internal.step.UpdateOutcome;
import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.RunRecord;
import dev.weft.store.Store;
import dev.weft.store.Write;
import dev.weft.store.updates.UpdateOutcomes;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * Sends updates and waits for their outcome. The request goes to the run's inbox with a workflow
 * task (refused, writing nothing, if the run is closed); the next workflow task validates it and
 * either records it in history and runs its handler, or rejects it without a trace in history. The
 * outcome (result, failure or rejection) is stored for this client to read.
 */
public final class Updates {
  private static final long RECHECK_MILLIS = 250;

  private final Store store;
  private final UpdateOutcomes outcomes;
  private final WeftClock clock;
  private final TimeOrderedIds ids;
  private final EventCodec codec;
  private final PayloadConverter payloads;
  private final Registry registry;
  private final RunWaiters waiters;

  public Updates(
      Store store,
      WeftClock clock,
      TimeOrderedIds ids,
      EventCodec codec,
      PayloadConverter payloads,
      Registry registry,
      RunWaiters waiters) {
    this.store = store;
    // resolved once, so an engine over a store without the update-outcomes extension fails when it
    // is built, naming the extension, not at its first update
    this.outcomes = store.extension(UpdateOutcomes.class);
    this.clock = clock;
    this.ids = ids;
    this.codec = codec;
    this.payloads = payloads;
    this.registry = registry;
    this.waiters = waiters;
  }

  Object update(RunRecord run, String updateName, Type resultType, Object[] args, Duration timeout)
      throws TimeoutException {
    EventAttributes.UpdateRequested request = request(run.workflowType(), updateName, args);
    if (!tryAdmit(run, request)) {
      throw notRunning(updateName, run.runId());
    }
    return await(run, updateName, request.updateId(), resultType, timeout);
  }

  /**
   * Checks the update name against the workflow type (when registered here) and encodes the
   * request, with a new update ID.
   */
  EventAttributes.UpdateRequested request(String workflowType, String updateName, Object[] args) {
    Optional<WorkflowDefinition> definition = registry.definition(workflowType);
    if (definition.isPresent() && !definition.get().updates().containsKey(updateName)) {
      throw new UnknownUpdateException(
          workflowType, updateName, definition.get().updates().keySet());
    }
    Payload input = payloads.encodeArguments(args, "input of update '" + updateName + "'");
    return new EventAttributes.UpdateRequested(ids.next(), updateName, input);
  }

  /** The inbox row that admits an update to a run (with a workflow task, or a start). */
  Write.InsertInbox admission(String runId, EventAttributes.UpdateRequested request, Instant now) {
    return new Write.InsertInbox(runId, "UpdateRequested", now, codec.encode(request));
  }

  /** Admits an update to a running run; returns false, writing nothing, if it is not running. */
  boolean tryAdmit(RunRecord run, EventAttributes.UpdateRequested request) {
    Instant now = clock.now();
    CommitResult sent =
        store
            .commit(
                Batch.of(
                    admission(run.runId(), request, now),
                    new Write.EnsureWorkflowTask(run.runId(), run.taskQueue(), now)))
            .join();
    return sent.committed();
  }

  /** Waits for the outcome of an admitted update: its result, or its rejection or failure. */
  Object await(RunRecord run, String updateName, String updateId, Type resultType, Duration timeout)
      throws TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean closedSeen = false;
    while (true) {
      CompletableFuture<Void> progress = waiters.onProgress(run.runId());
      try {
        Optional<byte[]> stored = outcomes.find(run.runId(), updateId);
        if (stored.isPresent()) {
          return outcome(run, updateName, resultType, stored.get());
        }
        if (closedSeen) {
          throw new WorkflowNotRunningException(
              "complete update '" + updateName + "' (the run closed before it did)",
              run.workflowId(),
              run.runId(),
              store.findRun(run.runId()).orElseThrow().status());
        }
        closedSeen = store.findRun(run.runId()).map(r -> r.status().isClosed()).orElse(true);
        if (closedSeen) {
          continue;
        }
        Waits.awaitChange(
            progress,
            deadline,
            RECHECK_MILLIS,
            () ->
                new TimeoutException(
                    "update '"
                        + updateName
                        + "' of run "
                        + run.runId()
                        + " did not complete within "
                        + timeout));
      } finally {
        waiters.forget(run.runId(), progress);
      }
    }
  }

  private Object outcome(RunRecord run, String updateName, Type resultType, byte[] stored) {
    UpdateOutcome outcome = codec.decodeValue(stored, UpdateOutcome.class);
    return switch (outcome.status()) {
      case UpdateOutcome.COMPLETED -> payloads.decode(outcome.result(), resultType);
      case UpdateOutcome.REJECTED ->
          throw new UpdateRejectedException(
              run.workflowId(), updateName, FailureConverter.toException(outcome.failure()));
      default ->
          throw new UpdateFailedException(
              run.workflowId(), updateName, FailureConverter.toException(outcome.failure()));
    };
  }

  private WorkflowNotRunningException notRunning(String updateName, String runId) {
    RunRecord run = store.findRun(runId).orElseThrow();
    return new WorkflowNotRunningException(
        "update '" + updateName + "'", run.workflowId(), runId, run.status());
  }
}
