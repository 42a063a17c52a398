package dev.weft.internal.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lets clients wait for a run to close, or to make progress, without polling: the store's
 * notifications complete the futures, and all of them at once when the store says it may have
 * missed some.
 */
public final class RunWaiters {
  private final Map<String, List<CompletableFuture<Void>>> closed = new ConcurrentHashMap<>();
  private final Map<String, List<CompletableFuture<Void>>> progressed = new ConcurrentHashMap<>();
  private final AtomicInteger resultWaits = new AtomicInteger();

  /** Marks that a client started waiting for a run's result (time skipping runs meanwhile). */
  public void beginResultWait() {
    resultWaits.incrementAndGet();
  }

  /** Marks that a client stopped waiting for a result. */
  public void endResultWait() {
    resultWaits.decrementAndGet();
  }

  /** Returns how many clients are waiting for a result now. */
  public int resultWaits() {
    return resultWaits.get();
  }

  /** Returns a future completed when the run closes; register before checking the store. */
  public CompletableFuture<Void> onClosed(String runId) {
    return register(closed, runId);
  }

  /** Returns a future completed at the run's next committed workflow task. */
  public CompletableFuture<Void> onProgress(String runId) {
    return register(progressed, runId);
  }

  /** Removes a future that is no longer awaited. */
  public void forget(String runId, CompletableFuture<Void> future) {
    remove(closed, runId, future);
    remove(progressed, runId, future);
  }

  /** Completes the waiters of a closed run. */
  public void runClosed(String runId) {
    fire(closed, runId);
    fire(progressed, runId);
  }

  /** Completes the progress waiters of a run whose workflow task committed. */
  public void runProgressed(String runId) {
    fire(progressed, runId);
  }

  /**
   * Completes every waiter, closed or not: notifications may have been missed, so each looks at the
   * store again.
   */
  public void wakeAll() {
    List.copyOf(closed.keySet()).forEach(runId -> fire(closed, runId));
    List.copyOf(progressed.keySet()).forEach(runId -> fire(progressed, runId));
  }

  private static CompletableFuture<Void> register(
      Map<String, List<CompletableFuture<Void>>> map, String runId) {
    CompletableFuture<Void> future = new CompletableFuture<>();
    map.computeIfAbsent(runId, k -> new CopyOnWriteArrayList<>()).add(future);
    return future;
  }

  private static void remove(
      Map<String, List<CompletableFuture<Void>>> map, String runId, CompletableFuture<Void> f) {
    map.computeIfPresent(
        runId,
        (k, list) -> {
          list.remove(f);
          return list.isEmpty() ? null : list;
        });
  }

  private static void fire(Map<String, List<CompletableFuture<Void>>> map, String runId) {
    List<CompletableFuture<Void>> futures = map.remove(runId);
    if (futures != null) {
      futures.forEach(f -> f.complete(null));
    }
  }
}
