package dev.weft.internal.step;

import dev.weft.common.WorkflowStatus;
import dev.weft.engine.WeftClock;
import dev.weft.history.EventAttributes;
import dev.weft.history.EventAttributes.WorkflowStarted;
import dev.weft.history.Failure;
import dev.weft.history.HistoryEvent;
import dev.weft.internal.codec.EventRecords;
import dev.weft.internal.engine.EngineMetrics;
import dev.weft.internal.engine.WorkflowCache;
import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.RunRecord;
import dev.weft.store.Store;
import dev.weft.store.Write;
import dev.weft.workflow.WorkflowInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Closes runs from outside their code (terminate, timeout): one transaction records the closing
 * event, closes the run, drops what it left pending, applies the parent-close policy to its open
 * children and tells its parent, guarded by the run's next event ID so that it never overwrites a
 * step that committed meanwhile.
 */
public final class RunClosures {
  private static final int ATTEMPTS = 50;

  private final Store store;
  private final WeftClock clock;
  private final EventRecords events;
  private final WorkflowCache cache;
  private final ChildWorkflows children;
  private final EngineMetrics metrics;

  public RunClosures(
      Store store,
      WeftClock clock,
      EventRecords events,
      WorkflowCache cache,
      ChildWorkflows children,
      EngineMetrics metrics) {
    this.store = store;
    this.clock = clock;
    this.events = events;
    this.cache = cache;
    this.children = children;
    this.metrics = metrics;
  }

  /** What closing a run writes besides the common part. */
  public record Closing(
      EventAttributes event, WorkflowStatus status, Failure failure, List<Write> retry) {
    /** Whether the workflow goes on in a retry run (then the parent hears nothing yet). */
    boolean retried() {
      return !retry.isEmpty();
    }
  }

  /**
   * Closes a running run; {@code closing} decides the event from the run's history.
   *
   * @return false if the run was closed already (nothing written)
   * @throws IllegalStateException if the run kept changing under the request
   */
  public boolean close(String runId, Function<List<HistoryEvent>, Closing> closing) {
    return close(runId, (run, history) -> closing.apply(history));
  }

  /**
   * Closes a running run; {@code closing} decides the event from the run's record and history.
   *
   * @return false if the run was closed already (nothing written)
   * @throws IllegalStateException if the run kept changing under the request
   */
  public boolean close(String runId, BiFunction<RunRecord, List<HistoryEvent>, Closing> closing) {
    for (int i = 0; i < ATTEMPTS; i++) {
      RunRecord run = store.findRun(runId).orElse(null);
      if (run == null || run.status().isClosed()) {
        return false;
      }
      List<HistoryEvent> history = events.decode(store.readHistory(runId, 1));
      Instant now = clock.now();
      Batch batch = batch(run, history, closing.apply(run, history), now);
      CommitResult result = store.commit(batch).join();
      if (result.committed()) {
        metrics.committed(batch, run.workflowType());
        cache.invalidate(runId);
        return true;
      }
    }
    throw new IllegalStateException(
        "could not close run " + runId + ": it kept changing under the request");
  }

  /** Terminates a running run; returns false if it was closed already. */
  public boolean terminate(String runId, String reason) {
    return close(runId, history -> terminated(reason));
  }

  /** The closing of a run terminated for {@code reason}. */
  public static Closing terminated(String reason) {
    return new Closing(
        new EventAttributes.WorkflowTerminated(reason),
        WorkflowStatus.TERMINATED,
        new Failure(Failure.TERMINATED, "Terminated", reason, "", true, 0, 0, null),
        List.of());
  }

  /** Returns the start event of a history, or null. */
  public static WorkflowStarted started(List<HistoryEvent> history) {
    return !history.isEmpty() && history.get(0).attributes() instanceof WorkflowStarted s
        ? s
        : null;
  }

  private Batch batch(RunRecord run, List<HistoryEvent> history, Closing closing, Instant now) {
    return Batch.builder().addAll(writes(run, history, closing, now)).build();
  }

  /**
   * Returns the writes that close a running run (for a caller that closes it inside a larger
   * batch), guarded by its next event ID.
   */
  public List<Write> writes(
      RunRecord run, List<HistoryEvent> history, Closing closing, Instant now) {
    WorkflowInfo info =
        new WorkflowInfo(
            run.namespace(), run.workflowId(), run.runId(), run.workflowType(), run.taskQueue());
    List<Write> batch = new ArrayList<>();
    batch.add(
        new Write.AppendEvents(
            run.runId(),
            run.nextEventId(),
            List.of(events.record(run.nextEventId(), now, closing.event()))));
    batch.add(new Write.CloseRun(run.runId(), closing.status(), now));
    batch.add(new Write.DeleteRunTasks(run.runId()));
    batch.addAll(closing.retry());
    batch.addAll(children.onParentClose(info, ChildWorkflows.openChildren(history), Map.of(), now));
    if (!closing.retried()) {
      batch.addAll(
          children.notifyParent(
              started(history),
              run.workflowId(),
              run.runId(),
              closing.status(),
              null,
              closing.failure(),
              now));
    }
    return batch;
  }
}
