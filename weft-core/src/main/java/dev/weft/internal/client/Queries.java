package dev.weft.internal.client;

import dev.weft.converter.Payload;
import dev.weft.failure.UnknownQueryException;
import dev.weft.failure.UnknownWorkflowTypeException;
import dev.weft.history.EventAttributes;
import dev.weft.internal.codec.PayloadConverter;
import dev.weft.internal.engine.QueueRegistration.WorkflowRegistration;
import dev.weft.internal.engine.RunWaiters;
import dev.weft.internal.engine.RunnerFactory;
import dev.weft.internal.engine.WorkflowCache;
import dev.weft.internal.runtime.WorkflowRunner;
import dev.weft.store.RunRecord;
import dev.weft.store.Store;
import java.lang.reflect.Type;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Answers queries: from the cached state of the run when it is up to date, otherwise from a
 * throwaway replay of its history (closed runs included). A run whose first workflow task has not
 * completed yet is waited for, briefly.
 */
public final class Queries {
  private static final long FIRST_TASK_WAIT_MILLIS = 10_000;

  private final RunnerFactory runners;
  private final Store store;
  private final WorkflowCache cache;
  private final RunWaiters waiters;
  private final PayloadConverter payloads;

  public Queries(
      RunnerFactory runners,
      Store store,
      WorkflowCache cache,
      RunWaiters waiters,
      PayloadConverter payloads) {
    this.runners = runners;
    this.store = store;
    this.cache = cache;
    this.waiters = waiters;
    this.payloads = payloads;
  }

  /** Asks a run's query with arguments; returns the answer as {@code resultType}. */
  Object query(RunRecord run, String queryName, Type resultType, Object[] args) {
    Payload input = payloads.encodeArguments(args, "input of query '" + queryName + "'");
    Payload result = query(run, queryName, input);
    return payloads.decode(result, resultType);
  }

  private Payload query(RunRecord target, String queryName, Payload args) {
    WorkflowRegistration registration =
        runners
            .find(target.taskQueue(), target.workflowType())
            .orElseThrow(
                () ->
                    new UnknownWorkflowTypeException(
                        target.workflowType(),
                        target.taskQueue(),
                        runners.workflowTypes(target.taskQueue())));
    if (!registration.definition().isDynamic()
        && !registration.definition().queries().containsKey(queryName)) {
      throw new UnknownQueryException(
          target.workflowType(), queryName, registration.definition().queries().keySet());
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FIRST_TASK_WAIT_MILLIS);
    while (true) {
      CompletableFuture<Void> progress = waiters.onProgress(target.runId());
      try {
        RunRecord run = store.findRun(target.runId()).orElseThrow();
        WorkflowCache.Taken taken = cache.take(run.runId());
        if (!taken.busy()) {
          WorkflowRunner cached = taken.runner();
          if (cached != null && cached.nextEventId() == run.nextEventId()) {
            try {
              return cached.query(queryName, args);
            } finally {
              cache.put(cached);
            }
          }
          if (cached != null) {
            cache.put(cached);
          } else {
            cache.release(run.runId());
          }
        }
        WorkflowRunner replayed = runners.create(run, registration);
        try {
          List<EventAttributes> pending =
              runners.replay(replayed, store.readHistory(run.runId(), 1));
          boolean notStarted =
              pending.stream().anyMatch(e -> e instanceof EventAttributes.WorkflowStarted);
          if (!notStarted || System.nanoTime() > deadline || run.status().isClosed()) {
            return replayed.query(queryName, args);
          }
        } finally {
          replayed.destroy();
        }
        progress.get(250, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        // look again
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while querying run " + target.runId(), e);
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      } finally {
        waiters.forget(target.runId(), progress);
      }
    }
  }
}
