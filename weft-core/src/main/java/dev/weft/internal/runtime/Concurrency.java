package dev.weft.internal.runtime;

import dev.weft.failure.CanceledFailure;
import dev.weft.workflow.Promise;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The primitives that park or spawn a run's coroutines: {@code Workflow.await} (with and without a
 * timeout), {@code Workflow.async}, cancellation scopes, and the yield every blocking primitive
 * goes through. Each checks that it is called from workflow code that may block.
 */
final class Concurrency {
  private final CurrentTask task;
  private final CoroutineScheduler scheduler;
  private final PendingCalls calls;
  private final ScopeNode rootScope;

  Concurrency(
      CurrentTask task, CoroutineScheduler scheduler, PendingCalls calls, ScopeNode rootScope) {
    this.task = task;
    this.scheduler = scheduler;
    this.calls = calls;
    this.rootScope = rootScope;
  }

  /**
   * Parks the calling coroutine until {@code condition} holds.
   *
   * @throws DestroyWorkflowThreadError if the task is aborted or the run destroyed
   */
  void yieldUntil(Coroutine self, BooleanSupplier condition) {
    if (task.abortReason() != null || scheduler.isDestroying()) {
      throw DestroyWorkflowThreadError.INSTANCE;
    }
    scheduler.yieldUntil(self, condition);
  }

  void await(BooleanSupplier condition) {
    Coroutine self =
        WorkflowThreadContext.current("Workflow.await").blockingCoroutine("Workflow.await");
    ScopeNode scope = self.scope;
    yieldUntil(self, () -> condition.getAsBoolean() || scope.isCancelRequested());
    if (!condition.getAsBoolean()) {
      throw new CanceledFailure("await cancelled: " + scope.reason());
    }
  }

  boolean await(Duration timeout, BooleanSupplier condition) {
    Coroutine self =
        WorkflowThreadContext.current("Workflow.await").blockingCoroutine("Workflow.await");
    if (condition.getAsBoolean()) {
      return true;
    }
    ScopeNode scope = self.scope;
    TimerCall timer = calls.startTimer(scope, timeout);
    yieldUntil(
        self,
        () -> condition.getAsBoolean() || timer.promise().isDone() || scope.isCancelRequested());
    if (condition.getAsBoolean()) {
      timer.cancel("condition met");
      return true;
    }
    if (scope.isCancelRequested()) {
      throw new CanceledFailure("await cancelled: " + scope.reason());
    }
    return false;
  }

  <T> Promise<T> async(String name, Supplier<T> fn) {
    Coroutine self =
        WorkflowThreadContext.current("Workflow.async").blockingCoroutine("Workflow.async");
    WorkflowPromise<T> promise = new WorkflowPromise<>();
    scheduler.spawn(
        name,
        self.scope,
        () -> {
          try {
            promise.complete(fn.get());
          } catch (DestroyWorkflowThreadError e) {
            throw e;
          } catch (RuntimeException e) {
            promise.completeExceptionally(e);
          }
        });
    return promise;
  }

  ScopeNode newScope(boolean detached, Runnable body) {
    Coroutine self =
        WorkflowThreadContext.current("Workflow.newCancellationScope")
            .blockingCoroutine("Workflow.newCancellationScope");
    return new ScopeNode(detached ? null : self.scope, detached, body);
  }

  ScopeNode currentScope() {
    WorkflowThreadContext context = WorkflowThreadContext.current("CancellationScope.current()");
    return context.coroutine == null ? rootScope : context.coroutine.scope;
  }
}
