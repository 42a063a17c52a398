package dev.weft.internal.client;

import dev.weft.failure.WorkflowNotFoundException;
import dev.weft.history.WorkflowHistory;
import dev.weft.internal.codec.EventRecords;
import dev.weft.internal.engine.RunWaiters;
import dev.weft.store.RunRecord;
import dev.weft.store.Store;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * Reads a run's history after a known event, waiting for a new one if there is none yet: the long
 * poll behind {@code WorkflowHandle.fetchHistory(afterEventId, waitNewEvent)}.
 */
final class HistoryWaits {
  /**
   * The re-read of a waiting run. This node's workflow-task commits and every node's closes wake a
   * wait at once ({@link RunWaiters#onProgress}); another node's workflow-task commit is only told
   * to that node, so it is seen at the next re-read: one read a second per waiting caller.
   */
  private static final long RECHECK_MILLIS = 1_000;

  private final Store store;
  private final EventRecords records;
  private final RunWaiters waiters;

  HistoryWaits(Store store, EventRecords records, RunWaiters waiters) {
    this.store = store;
    this.records = records;
    this.waiters = waiters;
  }

  /**
   * The events of {@code run} with IDs after {@code afterEventId}, at most {@code maxEvents} of
   * them (the store reads no more); when there are none and the run is open, waits at most {@code
   * wait} for one (or for the run to close) and reads again. An empty history means none came in
   * time, or the run is closed and has none after it.
   */
  WorkflowHistory after(RunRecord run, long afterEventId, int maxEvents, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    String runId = run.runId();
    while (true) {
      CompletableFuture<Void> progress = waiters.onProgress(runId);
      try {
        RunRecord now =
            store
                .findRun(runId)
                .orElseThrow(() -> new WorkflowNotFoundException(run.workflowId(), runId));
        if (now.nextEventId() - 1 > afterEventId || now.status().isClosed()) {
          return history(now, afterEventId, maxEvents);
        }
        try {
          Waits.awaitChange(progress, deadline, RECHECK_MILLIS, TimeoutException::new);
        } catch (TimeoutException e) {
          return new WorkflowHistory(run.workflowId(), runId, List.of());
        }
      } finally {
        waiters.forget(runId, progress);
      }
    }
  }

  private WorkflowHistory history(RunRecord run, long afterEventId, int maxEvents) {
    long from = Math.max(1, afterEventId + 1);
    return new WorkflowHistory(
        run.workflowId(),
        run.runId(),
        records.decode(
            maxEvents == Integer.MAX_VALUE
                ? store.readHistory(run.runId(), from)
                : store.readHistory(run.runId(), from, maxEvents)));
  }
}
