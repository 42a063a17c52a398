package dev.weft.internal.client;

import dev.weft.converter.Payload;
import dev.weft.engine.WeftClock;
import dev.weft.failure.UnknownSignalException;
import dev.weft.failure.WorkflowNotRunningException;
import dev.weft.history.EventAttributes;
import dev.weft.internal.codec.EventCodec;
import dev.weft.internal.codec.PayloadConverter;
import dev.weft.internal.definition.WorkflowDefinition;
import dev.weft.internal.engine.Registry;
import dev.weft.internal.step.RunClosures;
import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.Pause;
import dev.weft.store.RunRecord;
import dev.weft.store.Store;
import dev.weft.store.Write;
import java.time.Instant;
import java.util.Optional;

/**
 * The client's writes to a running run: signal and cancel (events in its inbox, with a workflow
 * task), pause and resume, terminate. Each is refused, writing nothing, if the run is not running.
 */
public final class RunControls {
  private final Store store;
  private final WeftClock clock;
  private final String nodeId;
  private final EventCodec codec;
  private final PayloadConverter payloads;
  private final Registry registry;
  private final RunClosures closures;

  /**
   * @param nodeId this node's name, recorded with the pauses it makes
   */
  public RunControls(
      Store store,
      WeftClock clock,
      String nodeId,
      EventCodec codec,
      PayloadConverter payloads,
      Registry registry,
      RunClosures closures) {
    this.store = store;
    this.clock = clock;
    this.nodeId = nodeId;
    this.codec = codec;
    this.payloads = payloads;
    this.registry = registry;
    this.closures = closures;
  }

  void signal(RunRecord run, String signalName, Object[] args) {
    checkSignal(run.workflowType(), signalName);
    Payload input = payloads.encodeArguments(args, "input of signal '" + signalName + "'");
    deliver(
        run, new EventAttributes.SignalReceived(signalName, input), "signal '" + signalName + "'");
  }

  /** Refuses a signal the workflow type (when registered here) does not have. */
  void checkSignal(String workflowType, String signalName) {
    Optional<WorkflowDefinition> definition = registry.definition(workflowType);
    if (definition.isPresent() && !definition.get().signals().containsKey(signalName)) {
      throw new UnknownSignalException(
          workflowType, signalName, definition.get().signals().keySet());
    }
  }

  void cancel(RunRecord run, String reason) {
    deliver(run, new EventAttributes.WorkflowCancelRequested(reason), "cancel");
  }

  private void deliver(RunRecord run, EventAttributes event, String operation) {
    if (!tryDeliver(run, event, false)) {
      throw notRunning(operation, run.runId());
    }
  }

  /**
   * Puts an event in a running run's inbox; returns false if the run is not running. A run in its
   * start delay keeps waiting, unless {@code endStartDelay} (a signal-with-start).
   */
  boolean tryDeliver(RunRecord run, EventAttributes event, boolean endStartDelay) {
    Instant now = clock.now();
    Batch.Builder batch =
        Batch.builder()
            .add(
                new Write.InsertInbox(
                    run.runId(), event.getClass().getSimpleName(), now, codec.encode(event)))
            .add(new Write.EnsureWorkflowTask(run.runId(), run.taskQueue(), now));
    if (endStartDelay) {
      batch.add(new Write.AdvanceWorkflowTask(run.runId(), run.taskQueue(), now));
    }
    return store.commit(batch.build()).join().committed();
  }

  void pause(RunRecord run, String reason) {
    CommitResult result =
        store
            .commit(
                Batch.of(new Write.PauseRun(run.runId(), new Pause(clock.now(), reason, nodeId))))
            .join();
    if (!result.committed()) {
      throw notRunning("pause", run.runId());
    }
  }

  void resume(RunRecord run) {
    CommitResult result = store.commit(Batch.of(new Write.ResumeRun(run.runId()))).join();
    if (!result.committed()) {
      throw notRunning("resume", run.runId());
    }
  }

  void terminate(RunRecord target, String reason) {
    if (!closures.terminate(target.runId(), reason)) {
      throw notRunning("terminate", target.runId());
    }
  }

  private WorkflowNotRunningException notRunning(String operation, String runId) {
    RunRecord run = store.findRun(runId).orElseThrow();
    return new WorkflowNotRunningException(operation, run.workflowId(), runId, run.status());
  }
}
