package dev.weft.internal.client;

import dev.weft.converter.Payload;
import dev.weft.failure.UnknownQueryException;
import dev.weft.failure.UnknownWorkflowTypeException;
import dev.weft.history.EventAttributes;
import dev.weft.internal.engine.EngineContext;
import dev.weft.internal.engine.QueueRegistration;
import dev.weft.internal.engine.QueueRegistration.WorkflowRegistration;
import dev.weft.internal.runtime.HistoryReplayer;
import dev.weft.internal.runtime.WorkflowRunner;
import dev.weft.internal.worker.WorkflowCache;
import dev.weft.store.RunRecord;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Answers queries: from the cached state of the run when it is up to date, otherwise from a
 * throwaway replay of its history (closed runs included). A run whose first workflow task has not
 * completed yet is waited for, briefly.
 */
final class Queries {
  private static final long FIRST_TASK_WAIT_MILLIS = 10_000;

  private final EngineContext ctx;

  Queries(EngineContext ctx) {
    this.ctx = ctx;
  }

  Payload query(RunRecord target, String queryName, Payload args) {
    WorkflowRegistration registration =
        ctx.registry()
            .find(target.taskQueue())
            .map(q -> q.workflow(target.workflowType()))
            .orElseThrow(
                () ->
                    new UnknownWorkflowTypeException(
                        target.workflowType(),
                        target.taskQueue(),
                        ctx.registry()
                            .find(target.taskQueue())
                            .map(QueueRegistration::workflowTypes)
                            .orElse(Set.of())));
    if (!registration.definition().queries().containsKey(queryName)) {
      throw new UnknownQueryException(
          target.workflowType(), queryName, registration.definition().queries().keySet());
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FIRST_TASK_WAIT_MILLIS);
    while (true) {
      CompletableFuture<Void> progress = ctx.waiters().onProgress(target.runId());
      try {
        RunRecord run = ctx.store().findRun(target.runId()).orElseThrow();
        WorkflowCache.Taken taken = ctx.cache().take(run.runId());
        if (!taken.busy()) {
          WorkflowRunner cached = taken.runner();
          if (cached != null && cached.nextEventId() == run.nextEventId()) {
            try {
              return cached.query(queryName, args);
            } finally {
              ctx.cache().put(cached);
            }
          }
          if (cached != null) {
            ctx.cache().put(cached);
          } else {
            ctx.cache().release(run.runId());
          }
        }
        WorkflowRunner replayed = ctx.newRunner(run, registration);
        try {
          List<EventAttributes> pending =
              HistoryReplayer.replay(replayed, ctx.decode(ctx.store().readHistory(run.runId(), 1)));
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
        ctx.waiters().forget(target.runId(), progress);
      }
    }
  }
}
